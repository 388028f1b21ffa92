/**
 * Checks the manager-facing tests make on any page: drawing calls counted from
 * outside the app (WebGL's own methods wrapped), axe-core's accessibility
 * rules, every interval of a figure that cannot be negative, as shown, and
 * words on the page that overlap.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Wraps WebGL's draw and clear calls in the page so a test can count what is drawn. */
export async function countDrawCalls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __drawCalls?: number };
    if (w.__drawCalls !== undefined) return;
    w.__drawCalls = 0;
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype] as unknown as Record<string, (...a: unknown[]) => unknown>[]) {
      for (const name of ['clear', 'drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
        const original = proto[name];
        if (typeof original !== 'function') continue;
        proto[name] = function (this: unknown, ...args: unknown[]) {
          w.__drawCalls! += 1;
          return original.apply(this, args);
        };
      }
    }
  });
}

export async function drawCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __drawCalls: number }).__drawCalls);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is; violations of serious or critical impact. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => 'axe' in window);
  if (!has) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/**
 * Interval texts on screen that belong to figures which cannot be negative
 * (figures table, headline tiles, the selection card), with a negative bound.
 * Paired differences (the comparison) may be negative and are not read.
 */
export async function negativeBoundsShown(page: Page): Promise<string[]> {
  // Cells of figures that can be negative (a margin) are marked data-signed and left out.
  const texts = await page
    .locator('[data-testid^="figure-"] td.ci:not([data-signed]), .kpi-ci, [data-testid=selection] td.ci:not([data-signed])')
    .allTextContents();
  return texts.filter((t) => /(^|[\s[(–])[-−]\s?\d/.test(t));
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  text: string;
}

/** Boxes of the elements a selector finds that overlap another's, as "a / b" (none expected). */
export async function overlapping(page: Page, selector: string): Promise<string[]> {
  const boxes: Box[] = await page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent ?? '' };
    }),
  );
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`${a.text} / ${b.text}`);
    }
  return out;
}
