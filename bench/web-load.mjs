// web-load.mjs - how long from opening the browser edition to the first
// report?  Opens PAGE.html from disk in a fresh headless Chromium page,
// RUNS times, chooses examples/devon-primary.csv and presses Make the
// report, and times from navigation start to the report being shown.
// Prints each time, the median and the page's size.  Run by bench/web.
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const [page, example, runsArg, modules] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'x.js'));
const { chromium } = require('playwright-core');
const runs = Number(runsArg) || 10;
const url = pathToFileURL(path.resolve(page)).href;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
try {
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext();
		const p = await context.newPage();
		await p.goto(url, { waitUntil: 'commit' });
		await p.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
		await p.setInputFiles('#selfeval', example);
		await p.click('#make');
		await p.waitForFunction(() => !document.getElementById('result').hidden, null, { timeout: 60000 });
		await p.frameLocator('#report').locator('h1').first().waitFor();
		// From the navigation's start, by the page's own clock.
		const ms = await p.evaluate(() => performance.now());
		times.push(ms);
		console.log(`run ${i + 1}: ${ms.toFixed(0)} ms`);
		await context.close();
	}
} finally {
	await browser.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const size = statSync(page).size;
console.log(`page load to first report (devon-primary.csv): median ${median.toFixed(0)} ms ` +
	`(min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}) over ${runs} runs; ` +
	`target under 2000 ms: ${median < 2000 ? 'met' : 'NOT met'}`);
console.log(`page size: ${size} bytes (${(size / 1048576).toFixed(2)} MiB); limit 8 MiB: ${size <= 8 * 1048576 ? 'met' : 'NOT met'}`);
