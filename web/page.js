// page.js - the page around the oaip-eval library (WebAssembly).
//
// It only moves bytes: the files the user chooses go to the library's
// oaip_web_report and oaip_web_template (web/oaip_web.c), and what comes
// back, the reports and the library's own messages, is shown and offered
// for download.  Nothing is scored, read or rendered here, and nothing is
// stored or sent.
'use strict';

(function () {
	const $ = (id) => document.getElementById(id);
	const form = $('form');
	const frameworkSelect = $('framework');
	const frameworkFileField = $('framework-file-field');
	const frameworkFile = $('framework-file');
	const phaseSelect = $('phase');
	const selfevalInput = $('selfeval');
	const surveyInput = $('survey');
	const previousInput = $('previous');
	const makeButton = $('make');
	const templateButton = $('template');
	const status = $('status');
	const errors = $('errors');
	const result = $('result');
	const resultHeading = $('result-heading');
	const report = $('report');
	const FILE_CHOICE = '\u0000file';
	const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
	const DOWNLOADS = [
		['html', 'report.html', 'text/html;charset=utf-8'],
		['markdown', 'report.md', 'text/markdown;charset=utf-8'],
		['json', 'report.json', 'application/json'],
		['plan', 'plan.xlsx', XLSX],
	];
	const downloadUrls = [];
	let lib = null;

	function say(text) {
		status.textContent = text;
	}

	// Show the library's messages (file:line: error: ...), announced by
	// the alert region, and move the focus to them.
	function showErrors(heading, text) {
		errors.textContent = '';
		const h = document.createElement('h2');
		h.textContent = heading;
		const pre = document.createElement('pre');
		pre.textContent = text.trim();
		errors.append(h, pre);
		errors.focus();
	}

	// Memory in the module for a call's arguments, freed together.
	function Args() {
		const ptrs = [];
		this.bytes = (bytes) => {
			const p = lib._malloc(Math.max(bytes.length, 1));
			lib.HEAPU8.set(bytes, p);
			ptrs.push(p);
			return p;
		};
		this.str = (text) => this.bytes(new TextEncoder().encode(text + '\u0000'));
		// A file as (data, length, name); (0, 0, "") for none.
		this.file = (f) => f ? [this.bytes(f.bytes), f.bytes.length, this.str(f.name)] : [0, 0, this.str('')];
		this.free = () => ptrs.forEach((p) => lib._free(p));
	}

	function output(name) {
		const args = new Args();
		const lenPtr = lib._malloc(4);
		try {
			const p = lib._oaip_web_output(args.str(name), lenPtr);
			const len = lib.HEAPU32[lenPtr >> 2];
			return p ? lib.HEAPU8.slice(p, p + len) : null;
		} finally {
			args.free();
			lib._free(lenPtr);
		}
	}

	async function readFile(input) {
		const f = input.files[0];
		return f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
	}

	function baseName(fileName) {
		return fileName.replace(/\.[^.]*$/, '') || 'school';
	}

	function useFrameworkFile() {
		return frameworkSelect.value === FILE_CHOICE;
	}

	// The framework as the library takes it: an id, or "" and a file.
	async function framework() {
		if (!useFrameworkFile()) return { id: frameworkSelect.value, xml: null };
		const xml = await readFile(frameworkFile);
		if (!xml) throw new Error('Choose the framework file (XML) first.');
		return { id: '', xml };
	}

	function link(a, bytes, type, fileName) {
		const url = URL.createObjectURL(new Blob([bytes], { type }));
		downloadUrls.push(url);
		a.href = url;
		a.download = fileName;
	}

	async function run(busyText, work) {
		errors.textContent = '';
		makeButton.disabled = templateButton.disabled = true;
		say(busyText);
		try {
			await work();
		} catch (err) {
			say('');
			showErrors('Not yet', String(err && err.message || err));
		} finally {
			makeButton.disabled = templateButton.disabled = false;
		}
	}

	function makeReport(event) {
		event.preventDefault();
		return run('Making the report\u2026', async () => {
			const fw = await framework();
			const se = await readFile(selfevalInput);
			if (!se) throw new Error('Choose your school\'s Self-evaluation file first.');
			const survey = await readFile(surveyInput);
			const previous = await readFile(previousInput);
			const args = new Args();
			let rc;
			try {
				rc = lib._oaip_web_report(args.str(fw.id), ...args.file(fw.xml),
					...args.file(se), args.str(phaseSelect.value),
					...args.file(previous), ...args.file(survey));
			} finally {
				args.free();
			}
			const messages = lib.UTF8ToString(lib._oaip_web_messages()).trim();
			if (rc !== 0) {
				result.hidden = true;
				say('');
				showErrors('The report could not be made', messages);
				return;
			}
			showReport(baseName(se.name), messages);
		});
	}

	function showReport(base, notes) {
		while (downloadUrls.length) URL.revokeObjectURL(downloadUrls.pop());
		for (const [name, suffix, type] of DOWNLOADS) {
			link($('download-' + name), output(name), type, base + '-' + suffix);
		}
		// Notes from the library (a Windows-1252 file, say) go with the
		// report.
		$('notes').textContent = notes;
		$('notes').hidden = !notes;
		report.srcdoc = new TextDecoder().decode(output('html'));
		result.hidden = false;
		say('The report is ready below. You can also download it.');
		resultHeading.focus();
	}

	// The blank workbook for the framework and phase chosen, downloaded.
	function downloadTemplate() {
		return run('Making the blank self-evaluation\u2026', async () => {
			const fw = await framework();
			const args = new Args();
			let rc;
			try {
				rc = lib._oaip_web_template(args.str(fw.id), ...args.file(fw.xml),
					args.str(phaseSelect.value));
			} finally {
				args.free();
			}
			const messages = lib.UTF8ToString(lib._oaip_web_messages()).trim();
			if (rc !== 0) {
				say('');
				showErrors('The blank self-evaluation could not be made', messages);
				return;
			}
			const a = document.createElement('a');
			const id = fw.id || (fw.xml ? baseName(fw.xml.name) : 'self-evaluation');
			link(a, output('template'), XLSX, id + '-self-evaluation.xlsx');
			a.hidden = true;
			document.body.append(a);
			a.click();
			a.remove();
			say('The blank self-evaluation is downloaded: fill it in, then choose it as your Self-evaluation.');
		});
	}

	function chooseFramework() {
		frameworkFileField.hidden = !useFrameworkFile();
	}

	function start(module) {
		lib = module;
		const list = JSON.parse(lib.UTF8ToString(lib._oaip_web_frameworks()));
		for (const fw of list) {
			frameworkSelect.add(new Option(fw.publisher + ': ' + fw.title, fw.id));
		}
		frameworkSelect.add(new Option('A framework file (XML)\u2026', FILE_CHOICE));
		frameworkSelect.addEventListener('change', chooseFramework);
		chooseFramework();
		form.addEventListener('submit', makeReport);
		templateButton.addEventListener('click', downloadTemplate);
		makeButton.disabled = templateButton.disabled = false;
		document.documentElement.dataset.ready = 'true';
	}

	makeButton.disabled = templateButton.disabled = true;
	// eslint-disable-next-line no-undef
	createOaip().then(start, (err) => {
		showErrors('This page could not start', String(err && err.message || err));
	});
})();
