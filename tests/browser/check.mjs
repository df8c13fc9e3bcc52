// check.mjs - open each HTML report given on the command line in headless
// Chromium and check it: no network request, no script, axe-core WCAG 2.2
// A/AA clean, printable on A4.  Saves REPORT.png (full page) and REPORT.pdf
// (A4 print) next to each report.  Run through run.sh, which installs what
// this needs.
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

// Everything that must be true of one report; returns a list of problems.
async function checkReport(browser, file) {
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
		const printHidesNav = await page.evaluate(() => {
			const nav = document.querySelector('nav');
			return !nav || getComputedStyle(nav).display === 'none';
		});
		if (!printHidesNav) problems.push('print style does not hide the navigation');
		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		if (!pdf || pdf.length < 1000 || pdf.subarray(0, 5).toString() !== '%PDF-') {
			problems.push('printing to an A4 PDF failed');
		} else {
			writeFileSync(sibling(abs, '.pdf'), pdf);
			const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
			notes.push(`print: ${pages} A4 page(s)`);
		}
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
		console.error('usage: node check.mjs REPORT.html...');
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
		for (const file of files) {
			const { problems, notes } = await checkReport(browser, file);
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
