// check.mjs - open each HTML report given on the command line in headless
// Chromium and check it: no network request, no script, axe-core WCAG 2.2
// A/AA clean; printed to an A4 PDF: every page A4, no page ending in a
// heading, the running head (the h1 -- the school's name -- and the
// report's title) and "page N of M" on every page, read back with
// poppler's pdftotext, and at most the expected number of pages; on a
// 390 px phone screen: no sideways scrolling, the summary reflowed with
// its plain-words bands in view.  Saves next to each report REPORT.png
// (full page), REPORT-390.png (phone), REPORT.pdf and REPORT-page-N.png
// (each printed page).  Run through run.sh, which installs what this needs.
//
// An argument REPORT.html=N says the report prints on at most N pages.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = require('axe-core/package.json').version;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

function sibling(file, ext) {
	return file.replace(/\.html?$/i, '') + ext;
}


// A4 in PostScript points (210 x 297 mm), and how far a page may differ.
const A4 = { w: 595.28, h: 841.89, slack: 2 };
const PHONE = { width: 390, height: 844 };

function poppler(tool, args) {
	return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

// Each page's size and text, from poppler's pdfinfo and pdftotext.
function readPdf(file) {
	const info = poppler('pdfinfo', ['-f', '1', '-l', '100000', file]);
	const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)]
		.map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
	// Each page twice: as laid out (lines as printed), and in reading
	// order (a margin box's words together even when it wraps).
	const pages = [];
	const flows = [];
	for (let i = 1; i <= sizes.length; i++) {
		const range = ['-f', String(i), '-l', String(i)];
		pages.push(poppler('pdftotext', ['-layout', ...range, file, '-']));
		flows.push(poppler('pdftotext', [...range, file, '-']));
	}
	return { sizes, pages, flows };
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

// Everything that must be true of the printed report; returns problems.
function checkPrint(pdfFile, dom, maxPages, notes) {
	const problems = [];
	const { sizes, pages, flows } = readPdf(pdfFile);
	const n = pages.length;
	notes.push(`print: ${n} A4 page(s)` + (maxPages ? ` (at most ${maxPages} expected)` : ''));
	if (n === 0) return ['the PDF has no pages'];
	if (maxPages && n > maxPages) problems.push(`prints on ${n} pages, more than the ${maxPages} expected`);
	// A4 upright, or turned (a wide table may print landscape).
	const near = (a, b) => Math.abs(a - b) <= A4.slack;
	sizes.forEach((s, i) => {
		if (!(near(s.w, A4.w) && near(s.h, A4.h)) && !(near(s.w, A4.h) && near(s.h, A4.w))) {
			problems.push(`page ${i + 1} is ${s.w} x ${s.h} pt, not A4`);
		}
	});
	const headings = dom.headings.map(squash).filter((h) => h.length > 0);
	const tableHeads = dom.tableHeads.map(squash).filter((h) => h.length > 0);
	const short = new Set(dom.shortHeadings.map(squash));
	pages.forEach((text, i) => {
		const where = `page ${i + 1} of ${n}`;
		const flat = squash(flows[i]);
		if (!flat.includes(where)) problems.push(`${where}: no "${where}" in the page margin`);
		for (const want of dom.runningHead) {
			if (!flat.includes(squash(want))) problems.push(`${where}: no "${want}" in the page margin`);
		}
		// The page's last line of body text: the margin boxes are the
		// lines that carry "page N of M" and the running head.
		const lines = text.split('\n').map(squash).filter((l) => l.length > 0 &&
			!l.includes(where));
		// A heading is stranded when it ends the page, or has only one
		// line of what it heads under it; a table's caption or header
		// row when it ends the page.  A heading may wrap onto up to three
		// lines.
		if (i < n - 1) {
			let found = null;
			for (let after = 0; after <= 1 && !found; after++) {
				for (let k = 1; k <= 3 && !found; k++) {
					const end = lines.length - after;
					if (end - k < 0) break;
					const joined = lines.slice(end - k, end).join(' ');
					found = headings.find((h) => h === joined && !(after === 1 && short.has(h))) ||
						(after === 0 && tableHeads.find((h) => h === joined));
				}
			}
			if (found) problems.push(`${where} ends with the heading "${found}"; what it heads is on the next page`);
		}
	});
	return problems;
}

// On a phone: no sideways scrolling, the summary's bands in view.
async function checkPhone(browser, url, allowed, shot) {
	const problems = [];
	const context = await browser.newContext({
		viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true,
		locale: 'en-GB', serviceWorkers: 'block',
	});
	try {
		await context.route('**/*', (route) => (allowed(route.request().url())
			? route.continue() : route.abort('blockedbyclient')));
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'load' });
		await page.screenshot({ path: shot, fullPage: true });
		const r = await page.evaluate(() => {
			const vw = document.documentElement.clientWidth;
			const out = { vw, pageWidth: document.documentElement.scrollWidth, summary: null };
			const h = document.getElementById('summary');
			const sec = h && h.closest('section');
			if (!sec) return out;
			const wide = [];
			for (const el of [sec, ...sec.querySelectorAll('*')]) {
				const box = el.getBoundingClientRect();
				// Visually hidden (kept for screen readers): not seen.
				if (getComputedStyle(el).clipPath !== 'none' || box.width <= 1) continue;
				if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
					wide.push(`${el.tagName.toLowerCase()}.${el.className} scrolls (${el.scrollWidth} px in ${el.clientWidth})`);
				} else if (box.width > 0 && (box.right > vw + 1 || box.left < -1)) {
					wide.push(`${el.tagName.toLowerCase()}.${el.className} reaches ${Math.round(box.left)}..${Math.round(box.right)} px`);
				}
			}
			const bands = [...sec.querySelectorAll('[data-band]')].map((el) => {
				const box = el.getBoundingClientRect();
				const st = getComputedStyle(el);
				return {
					text: el.innerText.trim(),
					seen: box.width > 0 && box.height > 0 && box.left >= -1 && box.right <= vw + 1 &&
						st.visibility === 'visible' && st.display !== 'none' && Number(st.opacity) > 0,
				};
			});
			out.summary = { wide: wide.slice(0, 5), bands };
			return out;
		});
		// The reflowed layout must be as accessible as the wide one.
		await page.evaluate(axeSource);
		const axeResults = await page.evaluate(async (tags) => {
			// eslint-disable-next-line no-undef
			return await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		}, TAGS);
		for (const v of axeResults.violations) {
			problems.push(`at ${PHONE.width} px: axe ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)]`);
		}
		if (r.pageWidth > r.vw + 1) {
			problems.push(`at ${PHONE.width} px the page scrolls sideways (${r.pageWidth} px wide)`);
		}
		if (r.summary) {
			for (const w of r.summary.wide) problems.push(`at ${PHONE.width} px in the summary: ${w}`);
			if (r.summary.bands.length === 0) problems.push('the summary has no [data-band] cell to check');
			for (const b of r.summary.bands) {
				if (!b.seen || !b.text) problems.push(`at ${PHONE.width} px the band "${b.text}" is not in view`);
			}
		}
		await page.close();
	} finally {
		await context.close();
	}
	return problems;
}

// Everything that must be true of one report; returns a list of problems.
async function checkReport(browser, file, maxPages) {
	const problems = [];
	const notes = [];
	const abs = path.resolve(file);
	if (!existsSync(abs)) {
		return { problems: [`no such file: ${file}`], notes };
	}
	const url = pathToFileURL(abs).href;
	const context = await browser.newContext({
		viewport: { width: 1024, height: 800 },
		deviceScaleFactor: 1,
		locale: 'en-GB',
		serviceWorkers: 'block',
	});
	try {
		// Record every request; let only the page itself through.
		const allowed = (u) => u === url || u.startsWith('data:');
		await context.route('**/*', (route) => {
			const u = route.request().url();
			if (allowed(u)) return route.continue();
			return route.abort('blockedbyclient');
		});
		const page = await context.newPage();
		page.setDefaultTimeout(60000);
		page.on('request', (req) => {
			const u = req.url();
			if (!allowed(u)) problems.push(`network request: ${req.method()} ${u}`);
		});
		page.on('websocket', (ws) => problems.push(`websocket: ${ws.url()}`));
		page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
		page.on('console', (msg) => {
			if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
		});

		const response = await page.goto(url, { waitUntil: 'load' });
		if (response && !response.ok()) problems.push(`could not open ${url}`);

		// The report itself must carry no script of any kind.
		const scripts = await page.evaluate(() => ({
			elements: document.scripts.length,
			handlers: [...document.querySelectorAll('*')].filter((el) =>
				[...el.attributes].some((a) => /^on/i.test(a.name))).length,
			jsLinks: [...document.querySelectorAll('[href],[src],[action]')].filter((el) =>
				/^\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') ||
					el.getAttribute('action') || '')).length,
			lang: document.documentElement.lang,
			title: document.title,
		}));
		if (scripts.elements) problems.push(`${scripts.elements} <script> element(s) in the page`);
		if (scripts.handlers) problems.push(`${scripts.handlers} element(s) with event handler attributes`);
		if (scripts.jsLinks) problems.push(`${scripts.jsLinks} javascript: URL(s)`);

		await page.screenshot({ path: sibling(abs, '.png'), fullPage: true });

		// axe-core, evaluated in the page (no request is made for it).
		await page.evaluate(axeSource);
		const results = await page.evaluate(async (tags) => {
			// eslint-disable-next-line no-undef
			return await axe.run(document, {
				runOnly: { type: 'tag', values: tags },
				resultTypes: ['violations', 'incomplete'],
			});
		}, TAGS);
		for (const v of results.violations) {
			const where = v.nodes.slice(0, 5).map((n) =>
				`      at ${n.target.join(' ')}: ${n.html.slice(0, 160)}` +
				(n.failureSummary ? `\n        ${n.failureSummary.replace(/\n\s*/g, '; ')}` : ''));
			problems.push(`axe ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)]\n` +
				where.join('\n'));
		}
		for (const v of results.incomplete) {
			notes.push(`axe needs review: ${v.id}: ${v.help} [${v.nodes.length} element(s)]`);
		}
		notes.push(`axe ${axeVersion}: ${results.passes ? results.passes.length : 0} rules passed, ` +
			`${results.violations.length} violated, ${results.incomplete.length} to review`);

		// Printing: A4 with the print style sheet.
		await page.emulateMedia({ media: 'print' });
		const dom = await page.evaluate(() => {
			const nav = document.querySelector('nav');
			const kicker = document.querySelector('body > header .kicker');
			const h1 = document.querySelector('h1');
			return {
				printHidesNav: !nav || getComputedStyle(nav).display === 'none',
				// Headings, table captions and header rows: none may
				// end a page.
				headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
					.map((h) => h.innerText),
				// Headings over a single short paragraph and nothing
				// else: with that line under them they are whole.
				shortHeadings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
					.filter((h) => h.parentElement.children.length === 2 &&
						h.nextElementSibling && h.nextElementSibling.tagName === 'P' &&
						h.nextElementSibling.innerText.length < 100)
					.map((h) => h.innerText),
				tableHeads: [...document.querySelectorAll('caption, thead tr')]
					.map((h) => h.innerText),
				runningHead: [h1, kicker].filter((e) => e).map((e) => e.innerText.trim()),
			};
		});
		if (!dom.printHidesNav) problems.push('print style does not hide the navigation');
		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		if (!pdf || pdf.length < 1000 || pdf.subarray(0, 5).toString() !== '%PDF-') {
			problems.push('printing to an A4 PDF failed');
		} else {
			const pdfFile = sibling(abs, '.pdf');
			writeFileSync(pdfFile, pdf);
			problems.push(...checkPrint(pdfFile, dom, maxPages, notes));
			poppler('pdftoppm', ['-png', '-r', '60', pdfFile, sibling(abs, '-page')]);
		}
		problems.push(...await checkPhone(browser, url, allowed, sibling(abs, '-390.png')));
		await page.close();
	} catch (err) {
		problems.push(`browser error: ${err.message.split('\n')[0]}`);
	} finally {
		await context.close();
	}
	return { problems: [...new Set(problems)], notes };
}

async function main() {
	const files = process.argv.slice(2);
	if (files.length === 0) {
		console.error('usage: node check.mjs REPORT.html[=MAX_PAGES]...');
		process.exit(2);
	}
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		args: [
			'--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
			'--disable-background-networking', '--disable-component-update',
			'--disable-sync',
		],
	});
	let passed = 0;
	let failed = 0;
	try {
		for (const arg of files) {
			const m = /^(.*\.html?)=(\d+)$/i.exec(arg);
			const file = m ? m[1] : arg;
			const { problems, notes } = await checkReport(browser, file, m ? Number(m[2]) : 0);
			if (problems.length === 0) {
				passed++;
				console.log(`PASS: ${file}`);
			} else {
				failed++;
				console.log(`FAIL: ${file}`);
				for (const p of problems) console.log(`  ${p}`);
			}
			for (const n of notes) console.log(`  ${n}`);
		}
	} finally {
		await browser.close();
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main().catch((err) => {
	console.error(`check.mjs: ${err.stack || err}`);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
