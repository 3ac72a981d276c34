// Renders Mermaid sources with a real Mermaid package and reports what a reader would see.
//
// Usage: node check.mjs PACKAGE < cases.json > results.json
//        node check.mjs PACKAGE --lines      (one JSON source per input line, one result per line)
//   PACKAGE is one of the aliased dependencies in package.json (mermaid-9, mermaid-10, ...).
//   cases.json is a JSON array of diagram sources. With --lines the program answers each line as
//   it comes, so a test can ask about one generated diagram at a time without starting Mermaid anew.
//
// Mermaid needs a DOM but no layout engine to parse and render: jsdom gives the DOM, and the few
// measuring calls return a size derived from the text, so the layout numbers are meaningless but
// every other step (directives, entity codes, markdown, sanitising, labels) is Mermaid's own.
// For each source the result has the parse outcome, the text of every node and subgraph label
// (one string per rendered line, HTML entities decoded) with the node's classes, and the edges.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { JSDOM } from 'jsdom';

const packageName = process.argv[2];
if (!packageName) {
  console.error('usage: node check.mjs PACKAGE < cases.json');
  process.exit(2);
}

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
const win = dom.window;
globalThis.window = win;
globalThis.document = win.document;
for (const name of [
  'Element', 'HTMLElement', 'SVGElement', 'DOMParser', 'XMLSerializer', 'Node', 'NodeFilter',
  'DocumentFragment', 'MutationObserver', 'CSSStyleSheet', 'getComputedStyle',
]) {
  if (win[name] && !(name in globalThis)) globalThis[name] = win[name];
}
const textSize = (node) => {
  const length = [...(node.textContent || '')].length;
  return { x: 0, y: 0, top: 0, left: 0, right: 8 * length, bottom: 20, width: 8 * length, height: 20 };
};
win.SVGElement.prototype.getBBox = function getBBox() { return textSize(this); };
win.SVGElement.prototype.getComputedTextLength = function getComputedTextLength() {
  return textSize(this).width;
};
win.Element.prototype.getBoundingClientRect = function getBoundingClientRect() { return textSize(this); };

const require = createRequire(import.meta.url);
const version = JSON.parse(readFileSync(require.resolve(`${packageName}/package.json`), 'utf8')).version;
const mermaid = (await import(packageName)).default;
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const lineTexts = (element) => {
  if (!element) return null;
  const html = element.innerHTML.replace(/^<p>|<\/p>$/g, '');
  return html.split(/<br\s*\/?>/i).map((part) => {
    const holder = win.document.createElement('div');
    holder.innerHTML = part;
    return holder.textContent;
  });
};
const markupIn = (element) => (element
  ? [...element.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).filter((t) => !['p', 'br', 'span'].includes(t))
  : []);

const localId = (id, renderId) => id.replace(new RegExp(`^${renderId}-`), '');

async function check(source, index) {
  const renderId = `d${index}`;
  const result = { ok: false, error: null, nodes: {}, clusters: {}, edges: [] };
  try {
    await mermaid.parse(source);
    const rendered = await mermaid.render(renderId, source);
    const svg = typeof rendered === 'string' ? rendered : rendered.svg;
    const doc = new JSDOM(`<body>${svg}</body>`).window.document;
    if (doc.querySelector('.error-icon, .error-text')) throw new Error('rendered an error picture');
    // Past maxTextSize Mermaid draws a one-node diagram saying so instead of the source.
    if (svg.includes('Maximum text size in diagram exceeded')) throw new Error('maxTextSize exceeded');
    for (const node of doc.querySelectorAll('g.node')) {
      const match = localId(node.id, renderId).match(/^flowchart-([A-Za-z0-9]+)-\d+$/);
      const labelElement = node.querySelector('.nodeLabel');
      result.nodes[match ? match[1] : node.id] = {
        lines: lineTexts(labelElement),
        markup: markupIn(labelElement),
        classes: (node.getAttribute('class') || '').split(/\s+/).filter(Boolean),
      };
    }
    for (const cluster of doc.querySelectorAll('g.cluster')) {
      const labelElement = cluster.querySelector('.nodeLabel');
      result.clusters[localId(cluster.id, renderId)] = {
        lines: lineTexts(labelElement),
        markup: markupIn(labelElement),
      };
    }
    for (const path of doc.querySelectorAll('path')) {
      const match = localId(path.id || '', renderId).match(/^L[-_]([A-Za-z0-9]+)[-_]([A-Za-z0-9]+)[-_]\d+$/);
      if (match) result.edges.push([match[1], match[2]]);
    }
    result.ok = true;
  } catch (error) {
    result.error = String(error && error.message ? error.message : error).split('\n').slice(0, 3).join(' ');
  }
  for (const leftover of win.document.querySelectorAll('body > *')) leftover.remove();
  return result;
}

if (process.argv[3] === '--lines') {
  let index = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const result = await check(JSON.parse(line), index);
    index += 1;
    process.stdout.write(`${JSON.stringify({ version, ...result })}\n`);
  }
} else {
  const cases = JSON.parse(readFileSync(0, 'utf8'));
  const results = [];
  for (const [index, source] of cases.entries()) results.push(await check(source, index));
  process.stdout.write(JSON.stringify({ package: packageName, version, results }));
}
