// page.js - the page around the oaip-eval library (WebAssembly).
//
// It only moves bytes: the files the user chooses go to the library's
// oaip_web_report (web/oaip_web.c), and what comes back, the reports and
// the library's own messages, is shown and offered for download.  Nothing
// is scored, read or rendered here, and nothing is stored or sent.
'use strict';

(function () {
	const $ = (id) => document.getElementById(id);
	const form = $('form');
	const frameworkSelect = $('framework');
	const frameworkFileField = $('framework-file-field');
	const frameworkFile = $('framework-file');
	const phaseSelect = $('phase');
	const selfevalInput = $('selfeval');
	const button = $('make');
	const status = $('status');
	const errors = $('errors');
	const result = $('result');
	const resultHeading = $('result-heading');
	const report = $('report');
	const FILE_CHOICE = '\u0000file';
	const FORMATS = [
		['html', 'html', 'text/html'],
		['markdown', 'md', 'text/markdown'],
		['json', 'json', 'application/json'],
	];
	const downloadUrls = [];
	let lib = null;

	function say(text) {
		status.textContent = text;
	}

	// Show the library's messages (file:line: error: ...) and announce
	// them.
	function showErrors(heading, text) {
		errors.textContent = '';
		const h = document.createElement('h2');
		h.textContent = heading;
		const pre = document.createElement('pre');
		pre.textContent = text.trim();
		errors.append(h, pre);
		errors.focus();
	}

	function clearErrors() {
		errors.textContent = '';
	}

	// Copy bytes into the module's memory; the caller frees.
	function toHeap(bytes) {
		const p = lib._malloc(Math.max(bytes.length, 1));
		lib.HEAPU8.set(bytes, p);
		return p;
	}

	function cString(text) {
		return toHeap(new TextEncoder().encode(text + '\u0000'));
	}

	function output(format) {
		const name = cString(format);
		const lenPtr = lib._malloc(4);
		try {
			const p = lib._oaip_web_output(name, lenPtr);
			const len = lib.HEAPU32[lenPtr >> 2];
			return p ? lib.HEAPU8.slice(p, p + len) : null;
		} finally {
			lib._free(name);
			lib._free(lenPtr);
		}
	}

	function readFile(file) {
		return file.arrayBuffer().then((b) => new Uint8Array(b));
	}

	function baseName(fileName) {
		return fileName.replace(/\.[^.]*$/, '') || 'report';
	}

	async function makeReport(event) {
		event.preventDefault();
		clearErrors();
		const se = selfevalInput.files[0];
		const useFile = frameworkSelect.value === FILE_CHOICE;
		const fwFile = useFile ? frameworkFile.files[0] : null;
		if (!se) {
			showErrors('No report yet', 'Choose your school\'s Self-evaluation file first.');
			return;
		}
		if (useFile && !fwFile) {
			showErrors('No report yet', 'Choose the framework file (XML) first.');
			return;
		}
		button.disabled = true;
		say('Making the report\u2026');
		const ptrs = [];
		try {
			const data = await readFile(se);
			const xml = fwFile ? await readFile(fwFile) : null;
			const p = (x) => { ptrs.push(x); return x; };
			const rc = lib._oaip_web_report(
				p(cString(useFile ? '' : frameworkSelect.value)),
				xml ? p(toHeap(xml)) : 0, xml ? xml.length : 0,
				p(cString(fwFile ? fwFile.name : '')),
				p(toHeap(data)), data.length, p(cString(se.name)),
				p(cString(phaseSelect.value)));
			const messages = lib.UTF8ToString(lib._oaip_web_messages());
			if (rc !== 0) {
				result.hidden = true;
				say('');
				showErrors('The report could not be made', messages);
				return;
			}
			showReport(baseName(se.name), messages.trim());
		} catch (err) {
			showErrors('The report could not be made', String(err && err.message || err));
			say('');
		} finally {
			ptrs.forEach((x) => lib._free(x));
			button.disabled = false;
		}
	}

	function showReport(base, notes) {
		while (downloadUrls.length) URL.revokeObjectURL(downloadUrls.pop());
		for (const [format, ext, type] of FORMATS) {
			const bytes = output(format);
			const a = $('download-' + format);
			const url = URL.createObjectURL(new Blob([bytes], { type: type + ';charset=utf-8' }));
			downloadUrls.push(url);
			a.href = url;
			a.download = base + '-report.' + ext;
		}
		// Notes from the library (a Windows-1252 file, say) go with the report.
		$('notes').textContent = notes;
		$('notes').hidden = !notes;
		report.srcdoc = new TextDecoder().decode(output('html'));
		result.hidden = false;
		say('The report is ready below. You can also download it.');
		resultHeading.focus();
	}

	function chooseFramework() {
		frameworkFileField.hidden = frameworkSelect.value !== FILE_CHOICE;
	}

	function start(module) {
		lib = module;
		const list = JSON.parse(lib.UTF8ToString(lib._oaip_web_frameworks()));
		for (const fw of list) {
			const o = new Option(fw.publisher + ': ' + fw.title, fw.id, fw.default, fw.default);
			frameworkSelect.add(o);
		}
		frameworkSelect.add(new Option('A framework file (XML)\u2026', FILE_CHOICE));
		frameworkSelect.addEventListener('change', chooseFramework);
		chooseFramework();
		form.addEventListener('submit', makeReport);
		button.disabled = false;
		document.documentElement.dataset.ready = 'true';
	}

	button.disabled = true;
	// eslint-disable-next-line no-undef
	createOaip().then(start, (err) => {
		showErrors('This page could not start', String(err && err.message || err));
	});
})();
