/**
 * What `npm pack` puts in the tarball (run `npm run build` first): every export target, the docs the README links
 * to, and nothing a consumer does not need (sources, tests, stories, demo, test-helper declarations).
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packedFiles } from '../../scripts/pack.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>> };
let files: Set<string>;

beforeAll(() => {
  files = new Set(packedFiles());
}, 60_000);

/** Relative link targets of a Markdown file (inline links and images), without their `#fragment`. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, (code) => (code.includes('](') ? '' : code));
  const links: string[] = [];
  for (const m of withoutCode.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    links.push(decodeURI(target.split('#')[0]!));
  }
  return links;
}

describe('packed tarball', () => {
  it('holds every export target', () => {
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    const missing = [...new Set(targets)].map((t) => posix.normalize(t)).filter((t) => !files.has(t));
    expect(missing).toEqual([]);
  });

  it('holds no sources, tests, stories, demo or test helpers', () => {
    const extra = [...files].filter(
      (f) =>
        /\.(tsx?|mts)$/.test(f) && !f.endsWith('.d.ts') ||
        /(^|\/)(testing|__tests__)\/|(^|\/)(testkit|testGraphs)\.|\.(test|stories|bench)\.|^(stories|test|demo|bench|scripts|public|\.storybook)\//.test(f),
    );
    expect(extra).toEqual([]);
  });

  it('resolves every relative link of README.md to a file in the tarball', () => {
    const links = relativeLinks(readFileSync('README.md', 'utf8'));
    expect(links.length).toBeGreaterThan(0);
    const broken = links.filter((link) => !files.has(posix.normalize(link.replace(/^\.\//, ''))));
    expect(broken).toEqual([]);
  });
});
