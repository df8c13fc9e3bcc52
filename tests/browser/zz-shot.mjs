import { chromium } from 'playwright-core';
const [,, file, out, y, h, w, media] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: +(w||1024), height: +h } });
await p.goto('file://' + file);
if (media) await p.emulateMedia({ media });
await p.screenshot({ path: out, clip: { x: 0, y: +y, width: +(w||1024), height: +h }, fullPage: true });
await b.close();
