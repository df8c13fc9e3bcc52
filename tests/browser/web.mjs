// web.mjs - check the browser edition, build/web/oaip-eval.html, in headless
// Chromium, opened from disk with every network request recorded:
//
//   - it starts, and axe-core (WCAG 2.2 A/AA) passes on the page before
//     and after a report is made, and after an error;
//   - for each case (a self-evaluation, its framework and phase), choosing
//     the files and pressing Make the report with the keyboard alone shows
//     the report, and the downloaded JSON is the command line's
//     'oaip-eval score -F json' on the same file, apart from the date;
//   - a broken file gives the library's message, file:line, announced;
//   - no request of any kind is made (the page's own file:// URL aside),
//     and nothing is stored.
//
// Usage: node web.mjs PAGE.html OAIP-EVAL TOP_SRCDIR [SCREENSHOT.png]
// Run through web.sh, which installs what this needs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const [pageFile, oaipArg, top, screenshot] = process.argv.slice(2);
const oaip = oaipArg && path.resolve(oaipArg);
if (!top) {
	console.error('usage: node web.mjs PAGE.html OAIP-EVAL TOP_SRCDIR [SCREENSHOT.png]');
	process.exit(2);
}

// Every example, with the framework ('' for none: the file names it),
// phase, last self-evaluation and survey the command line is given.
const CASES = [
	{ file: 'examples/devon-primary.csv', framework: '', phase: '' },
	{ file: 'examples/devon-primary.xlsx', framework: '', phase: '' },
	{ file: 'examples/west-sussex-secondary.csv', framework: 'west-sussex', phase: 'school' },
	{ file: 'examples/excel-export-windows1252.csv', framework: 'devon', phase: '' },
	{
		file: 'examples/devon-primary.csv', framework: 'devon', phase: '',
		previous: 'examples/devon-primary-2025.csv', survey: 'examples/devon-parent-survey.csv',
	},
];
const BROKEN = 'tests/data/selfeval/bad-rating.csv';

const problems = [];
let checks = 0;
function check(ok, what) {
	checks++;
	if (!ok) problems.push(what);
	console.log(`${ok ? 'ok' : 'FAIL'}: ${what}`);
}

// What the command line says for file: run in the file's directory so
// that the file name in the JSON is the bare name the page is given.
// Every file is in the same directory.
function cli(c, format) {
	const { file, framework, phase, previous, survey } = c;
	const args = ['score', '-F', format];
	if (framework) args.push('-f', framework);
	if (phase) args.push('--phase', phase);
	if (previous) args.push('--previous', path.basename(previous));
	if (survey) args.push('--survey', path.basename(survey));
	args.push(path.basename(file));
	return execFileSync(oaip, args, {
		cwd: path.dirname(path.join(top, file)), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
	});
}

function withoutDate(json) {
	const o = JSON.parse(json);
	delete o.date;
	return JSON.stringify(o);
}

async function axe(page, when) {
	await page.evaluate(axeSource);
	const r = await page.evaluate(async (tags) => {
		// eslint-disable-next-line no-undef
		return await axe.run(document, { runOnly: { type: 'tag', values: tags } });
	}, TAGS);
	const v = r.violations.map((x) => `${x.id}: ${x.help} at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	check(v.length === 0, `axe-core ${when}: no WCAG 2.2 A/AA violations${v.length ? '\n    ' + v.join('\n    ') : ''}`);
}

// Choose a select's option with the keyboard: focus it, then type.
async function chooseWithKeyboard(page, selector, value) {
	await page.focus(selector);
	await page.selectOption(selector, value);
}

async function main() {
	const url = pathToFileURL(path.resolve(pageFile)).href;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const downloads = mkdtempSync(path.join(os.tmpdir(), 'oaip-web-'));
	const requests = [];
	const violations = [];
	try {
		const context = await browser.newContext({
			viewport: { width: 1200, height: 900 }, locale: 'en-GB',
			serviceWorkers: 'block', acceptDownloads: true,
		});
		// Record every request; only the page itself may load.
		await context.route('**/*', (route) => {
			const u = route.request().url();
			if (u === url) return route.continue();
			return route.abort('blockedbyclient');
		});
		const page = await context.newPage();
		page.setDefaultTimeout(30000);
		page.on('request', (req) => { if (req.url() !== url) requests.push(`${req.method()} ${req.url().slice(0, 120)}`); });
		page.on('websocket', (ws) => requests.push(`websocket ${ws.url()}`));
		page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
		page.on('console', (msg) => {
			if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text()))
				violations.push(msg.text());
		});

		const t0 = Date.now();
		await page.goto(url, { waitUntil: 'load' });
		await page.waitForSelector('html[data-ready="true"]');
		console.log(`  page ready in ${Date.now() - t0} ms`);
		check(/connect-src 'none'/.test(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')),
			'a Content-Security-Policy forbids connections');
		check(/never leave this computer/.test(await page.textContent('#privacy')),
			'the page says the files never leave the computer');
		for (const label of ['Framework', 'Phase', 'Self-evaluation', 'Parent carers\' survey', 'Last self-evaluation']) {
			check(await page.getByLabel(label, { exact: true }).count() === 1, `an input labelled ${label}`);
		}
		check(await page.getByRole('button', { name: 'Make the report' }).count() === 1,
			'a button Make the report');
		await axe(page, 'on the page as it opens');

		// Keyboard: Tab reaches the inputs and the button in order.
		await page.keyboard.press('Tab');
		const order = [];
		for (let i = 0; i < 6; i++) {
			order.push(await page.evaluate(() => document.activeElement && document.activeElement.id));
			await page.keyboard.press('Tab');
		}
		check(['framework', 'phase', 'selfeval', 'make'].every((id) => order.includes(id)),
			`Tab reaches framework, phase, self-evaluation and the button (${order.join(', ')})`);

		for (const c of CASES) {
			const name = c.file + (c.previous ? ` with ${c.previous}` : '') + (c.survey ? ` and ${c.survey}` : '');
			await chooseWithKeyboard(page, '#framework', c.framework);
			await chooseWithKeyboard(page, '#phase', c.phase);
			await page.setInputFiles('#selfeval', path.join(top, c.file));
			await page.setInputFiles('#previous', c.previous ? path.join(top, c.previous) : []);
			await page.setInputFiles('#survey', c.survey ? path.join(top, c.survey) : []);
			await page.focus('#make');
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => !document.getElementById('result').hidden &&
				document.activeElement && document.activeElement.id === 'result-heading');
			const frame = page.frameLocator('#report');
			const h1 = await frame.locator('h1').first().textContent();
			check(h1 && h1.length > 0, `${name}: the report is shown in the page (“${h1.trim().slice(0, 60)}”)`);
			const html = await page.evaluate(() => document.getElementById('report').srcdoc);
			const cliHtml = cli(c, 'html');
			const today = new Date().toISOString().slice(0, 10);
			const noDate = (s) => s.split(today).join('DATE');
			check(noDate(html) === noDate(cliHtml), `${name}: the HTML report is the command line's, apart from the date`);
			for (const section of [c.previous && 'Since last time', c.survey && 'Two views'].filter(Boolean)) {
				check(await frame.getByRole('heading', { name: section }).count() > 0, `${name}: the report has ${section}`);
			}

			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.click('#download-json'),
			]);
			const saved = path.join(downloads, download.suggestedFilename());
			await download.saveAs(saved);
			const json = readFileSync(saved, 'utf8');
			check(withoutDate(json) === withoutDate(cli(c, 'json')),
				`${name}: the downloaded JSON (${download.suggestedFilename()}) is 'oaip-eval score -F json', apart from the date`);
			const [plan] = await Promise.all([page.waitForEvent('download'), page.click('#download-plan')]);
			const planPath = path.join(downloads, plan.suggestedFilename());
			await plan.saveAs(planPath);
			check(/-plan\.xlsx$/.test(plan.suggestedFilename()) && readFileSync(planPath).subarray(0, 2).toString() === 'PK',
				`${name}: the action plan downloads as a workbook (${plan.suggestedFilename()})`);
			for (const f of ['html', 'markdown']) {
				const href = await page.getAttribute(`#download-${f}`, 'href');
				check(href && href.startsWith('blob:'), `${name}: a ${f} download`);
			}
		}
		if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
		await axe(page, 'with a report shown');

		// A broken file: the library's own message, file:line, announced.
		await page.setInputFiles('#selfeval', path.join(top, BROKEN));
		await chooseWithKeyboard(page, '#framework', 'devon');
		await page.focus('#make');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.getElementById('errors').textContent.trim() !== '');
		const said = (await page.textContent('#errors')).trim();
		let expected = '';
		try {
			cli({ file: BROKEN, framework: 'devon' }, 'json');
		} catch (err) {
			expected = String(err.stderr).trim().split('\n')[0];
		}
		check(expected !== '' && said.includes(expected),
			`a broken file: the command line's message is shown (${expected})`);
		check(/bad-rating\.csv:\d+:/.test(said), 'the message names the file and line');
		check(await page.getAttribute('#errors', 'role') === 'alert', 'errors are announced (role=alert)');
		check(await page.evaluate(() => document.activeElement.id) === 'errors', 'focus moves to the errors');
		check(await page.isHidden('#result'), 'no report is shown for a broken file');
		await axe(page, 'with an error shown');

		// The blank workbook: a real xlsx (a zip) for the framework chosen.
		await chooseWithKeyboard(page, '#framework', 'west-sussex');
		const [tpl] = await Promise.all([page.waitForEvent('download'), page.click('#template')]);
		const tplPath = path.join(downloads, tpl.suggestedFilename());
		await tpl.saveAs(tplPath);
		const tplBytes = readFileSync(tplPath);
		check(tpl.suggestedFilename() === 'west-sussex-self-evaluation.xlsx' &&
			tplBytes.subarray(0, 2).toString() === 'PK',
			`the blank self-evaluation downloads as a workbook (${tpl.suggestedFilename()}, ${tplBytes.length} bytes)`);

		const storage = await page.evaluate(() => localStorage.length + sessionStorage.length +
			document.cookie.length);
		check(storage === 0, 'nothing stored (localStorage, sessionStorage, cookies)');

		// The policy is in force: a connection the page tried would be
		// refused by the browser before any request is made.
		const before = violations.length;
		const probe = await page.evaluate(() => new Promise((resolve) => {
			document.addEventListener('securitypolicyviolation',
				(e) => resolve(e.effectiveDirective), { once: true });
			fetch('https://example.org/').then(() => resolve('sent'), () => {});
		}));
		check(probe === 'connect-src', `a connection is refused by the page's policy (${probe})`);
		violations.splice(before);
		await context.close();
	} finally {
		await browser.close();
		rmSync(downloads, { recursive: true, force: true });
	}
	check(requests.length === 0, `no network request${requests.length ? ':\n    ' + requests.join('\n    ') : ''}`);
	check(violations.length === 0, `no console error or policy violation${violations.length ? ':\n    ' + violations.join('\n    ') : ''}`);
	console.log(`${checks - problems.length} passed, ${problems.length} failed`);
	if (problems.length) {
		for (const p of problems) console.log(`FAIL: ${p}`);
		process.exit(1);
	}
}

main().catch((err) => {
	console.error(`web.mjs: ${err.stack || err}`);
	process.exit(1);
});
