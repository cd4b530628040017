import type { Page } from '@playwright/test';
import { expect, type CairnApp } from './fixtures';

// What "nothing ran" means for a page showing hostile text, checked two ways:
//
// - all along: from before the page's first script, a MutationObserver notes every
//   element that ever enters the document holding something a payload could have put
//   there (a script, frame, plugin, <base>, image, event handler, dangerous address,
//   style that loads), however briefly it stayed; the CSP's refusals and any dialog
//   are counted too. A page that shows thousands of payloads one view after another
//   is then checked once, at the end, for all of them.
// - now: the DOM as it stands holds none of those, and the app's bundle is its one script.
//
// `__pwned` is what every payload that can run script sets (tests/fixtures/hostile-corpus.ts).

/** Before the page loads: starts the observer, the CSP listener and the dialog count. */
export async function watchForScript(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const DANGEROUS_URL = /^(javascript|data|file|vbscript|blob|filesystem):/i;
    const URL_ATTRIBUTES = [
      'href',
      'src',
      'action',
      'formaction',
      'xlink:href',
      'data',
      'poster',
      'background',
      'ping',
      'srcset',
      'codebase',
    ];
    // Elements that run, embed, load or re-point something. The app draws on a canvas
    // and shows no images, so an <img> can only have come from a payload.
    const ACTIVE = new Set([
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'applet',
      'base',
      'meta',
      'link',
      'img',
      'image',
      'video',
      'audio',
      'source',
      'track',
      'picture',
      'portal',
      'feimage',
      'use',
      'animate',
      'set',
      'handler',
    ]);
    const found: string[] = [];
    const violations: string[] = [];
    const describe = (element: Element, why: string) =>
      found.push(`${why}: ${element.outerHTML.slice(0, 160)}`);
    const check = (element: Element) => {
      const tag = element.localName.toLowerCase();
      if (tag === 'script') {
        // The bundle, in <head> from the served HTML, is the only script there may be.
        const bundle = element.parentElement?.localName === 'head' && element.hasAttribute('src');
        if (!bundle) describe(element, 'script');
      } else if (ACTIVE.has(tag) && element.closest('body')) describe(element, tag);
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        // A browser drops tabs, newlines and other controls from an address before reading it.
        // eslint-disable-next-line no-control-regex -- those controls are what is matched
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '');
        if (name.startsWith('on')) describe(element, `handler ${name}`);
        else if (name === 'srcdoc') describe(element, 'srcdoc');
        else if (URL_ATTRIBUTES.includes(name) && DANGEROUS_URL.test(value))
          describe(element, `address in ${name}`);
        else if (name === 'style' && /url\(|expression\(|javascript:|@import/i.test(value))
          describe(element, 'style that loads');
      }
    };
    const checkTree = (node: Node) => {
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const element = node as Element;
      check(element);
      for (const inner of Array.from(element.querySelectorAll('*'))) check(inner);
      // A <template>'s content is a separate fragment.
      if (element instanceof HTMLTemplateElement) checkTree(element.content as unknown as Node);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') check(record.target as Element);
        else record.addedNodes.forEach(checkTree);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    Object.defineProperty(window, '__hostileWatch', {
      value: Object.freeze({ found, violations }),
      enumerable: false,
    });
  });
  page.on('dialog', (dialog) => {
    dialogs.set(page, (dialogs.get(page) ?? 0) + 1);
    void dialog.dismiss();
  });
}

const dialogs = new WeakMap<Page, number>();

export interface ScriptReport {
  pwned: unknown;
  dialogs: number;
  cspViolations: string[];
  /** What the observer saw enter the document since the page loaded. */
  seen: string[];
  /** What the document holds now. */
  scripts: number;
  active: string[];
}

export async function inspectDom(page: Page): Promise<ScriptReport> {
  const report = await page.evaluate(() => {
    const watch = (
      window as unknown as { __hostileWatch?: { found: string[]; violations: string[] } }
    ).__hostileWatch;
    if (!watch) throw new Error('watchForScript was not called before the page loaded');
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      cspViolations: [...watch.violations],
      seen: [...watch.found],
      scripts: document.querySelectorAll('script').length,
      active: Array.from(
        document.querySelectorAll(
          'body script, iframe, frame, object, embed, base, body link, body meta, body img, [srcdoc]',
        ),
      ).map((e) => e.outerHTML.slice(0, 160)),
    };
  });
  return { ...report, dialogs: dialogs.get(page) ?? 0 };
}

export const CLEAN: ScriptReport = {
  pwned: undefined,
  dialogs: 0,
  cspViolations: [],
  seen: [],
  scripts: 1,
  active: [],
};

export async function expectClean(app: CairnApp): Promise<void> {
  expect(await inspectDom(app.page)).toEqual(CLEAN);
}

/**
 * The layout holds: nothing scrolls sideways (the page or the details panel), and the
 * toolbar, graph, details and status bar keep their places side by side in the window.
 */
export async function expectLayoutIntact(app: CairnApp): Promise<void> {
  const layout = await app.page.evaluate(() => {
    const box = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const details = document.querySelector('aside.details');
    const root = document.documentElement;
    return {
      pageScrollsSideways: root.scrollWidth > root.clientWidth,
      pageScrollsDown: root.scrollHeight > root.clientHeight,
      detailsScrollsSideways: details ? details.scrollWidth > details.clientWidth + 1 : null,
      window: { width: window.innerWidth, height: window.innerHeight },
      toolbar: box('.toolbar'),
      graph: box('.graph-area'),
      details: box('aside.details'),
      status: box('.status-bar'),
    };
  });
  const where = JSON.stringify(layout);
  expect(layout.pageScrollsSideways, where).toBe(false);
  expect(layout.pageScrollsDown, where).toBe(false);
  expect(layout.detailsScrollsSideways, where).toBe(false);
  const { toolbar, graph, details, status } = layout;
  for (const region of [toolbar, graph, details, status]) {
    expect(region, where).not.toBeNull();
    expect(region!.left, where).toBeGreaterThanOrEqual(0);
    expect(region!.top, where).toBeGreaterThanOrEqual(0);
    expect(region!.right, where).toBeLessThanOrEqual(layout.window.width);
    expect(region!.bottom, where).toBeLessThanOrEqual(layout.window.height);
  }
  // The graph keeps most of the window, and the panel stays to its right.
  expect(graph!.right - graph!.left, where).toBeGreaterThan(layout.window.width / 2);
  expect(details!.left, where).toBeGreaterThanOrEqual(graph!.right - 1);
  expect(toolbar!.bottom, where).toBeLessThanOrEqual(graph!.top + 1);
  expect(status!.top, where).toBeGreaterThanOrEqual(graph!.bottom - 1);
}
