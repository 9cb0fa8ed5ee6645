import type { Page } from "@playwright/test";

/** The wizard's pages for orders-redis7 with the recommended answers, in step order. */
const ORDERS = "account=123456789012&region=us-east-1&kind=replication-group&id=orders-redis7";
const NETWORK = "&sg=existing&sgId=sg-0cache00000000001&src=security-group&srcGroup=sg-0app000000000001";
const PG = "&pg=create&pgName=bullmq-redis7-noeviction";
export const WIZARD_PAGES = {
  target: `/wizard/target?${ORDERS}`,
  network: `/wizard/network?${ORDERS}`,
  "parameter-group": `/wizard/parameter-group?${ORDERS}${NETWORK}`,
  modification: `/wizard/modification?${ORDERS}${NETWORK}${PG}`,
  preview: `/wizard/preview?${ORDERS}${NETWORK}${PG}`,
} as const;

export interface WidthProblems {
  scrollWidth: number;
  /** Buttons and links (outside a sideways scroller) that stick out of the viewport. */
  offscreen: string[];
  /** Elements whose text is cut: they hide overflow and their content is wider than they are. */
  cut: string[];
}

/** What a phone-width page gets wrong, measured in the browser. */
export function widthProblems(page: Page): Promise<WidthProblems> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll") return true;
      }
      return false;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const offscreen = [...document.querySelectorAll("button, a, input, select")]
      .filter((el) => shown(el) && !inScroller(el) && !el.closest(".sr-only"))
      .filter(
        (el) => el.getBoundingClientRect().right > width + 0.5 || el.getBoundingClientRect().left < -0.5,
      )
      .map(name);
    const cut = [...document.querySelectorAll("main *, header *")]
      .filter((el) => shown(el) && !inScroller(el) && el.children.length === 0 && !el.closest(".sr-only"))
      .filter((el) => {
        const s = getComputedStyle(el);
        return (
          (s.overflowX === "hidden" || s.textOverflow === "ellipsis") && el.scrollWidth > el.clientWidth + 1
        );
      })
      .map(name);
    return { scrollWidth: document.documentElement.scrollWidth, offscreen, cut };
  });
}

/**
 * WCAG contrast of an element's text against what is behind it, from computed styles. Colours are turned
 * into sRGB by painting them on a canvas (Tailwind 4 writes oklch); translucent backgrounds are composited
 * over the ancestors' down to the page's white.
 */
export function contrastOf(page: Page, selector: string): Promise<{ text: string; ratio: number }[]> {
  return page.locator(selector).evaluateAll((els) => {
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "#000";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: number[], bottom: number[]) =>
      top.slice(0, 3).map((c, i) => c * top[3]! + bottom[i]! * (1 - top[3]!));
    const background = (el: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] === 1) break;
      }
      return layers.reverse().reduce((acc, layer) => over(layer, acc), [255, 255, 255]);
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return els.map((el) => {
      const bg = background(el);
      const fgRaw = rgba(getComputedStyle(el).color);
      const fg = over(fgRaw, bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      return {
        text: (el.textContent ?? "").trim(),
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
      };
    });
  });
}
