import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 15: every word a person reads is reviewed in one place, the `texts.ts` of its feature. This
 * scan walks the string and template literals of the product code and fails on any Vietnamese
 * (a letter with a Vietnamese diacritic) outside those files, except in the places listed below,
 * which hold data rather than wording.
 */
const ALLOWED: readonly [RegExp, string][] = [
  [/(^|\/)texts\.ts$/, 'the texts files themselves'],
  [/^src\/dashboard\/pages\//, 'dashboard views: an HTML template is its own wording'],
  [/^src\/dashboard\/layout\.ts$/, 'the dashboard page frame and its navigation labels (a view)'],
  [/^src\/language\//, 'lexicon data: words residents write, matched, never shown'],
  [/^src\/faq\/lexicon(\.ts$|\/)/, 'FAQ lexicon data (lexicon.ts and its data modules in lexicon/): marked words read before folding (chó, dại...), matched, never shown'],
  [/^src\/venues\/data\//, 'the commune list (names are data)'],
  [/^src\/units\//, 'administrative unit kinds and default units (data)'],
  [/^src\/db\/schema\/fold-sql\.ts$/, 'letter tables for folding diacritics in SQL'],
  [/^src\/cli\/commands\/units\.ts$/, 'the CLI usage line lists the unit kinds it accepts (data values)'],
];

const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

function productFiles(): string[] {
  const out = execFileSync('git', ['ls-files', 'src', 'bots'], { encoding: 'utf8' });
  return out.split('\n').filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
}

/** Vietnamese literals of one file as "file:line: text". */
function vietnameseLiterals(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const hits: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      const text = node.text;
      if (VIETNAMESE.test(text)) hits.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

describe('where resident-facing words live', () => {
  it('finds no Vietnamese literal outside the texts files and the listed data files', () => {
    const stray = productFiles()
      .filter((f) => !ALLOWED.some(([re]) => re.test(f)))
      .flatMap((f) => vietnameseLiterals(f, readFileSync(f, 'utf8')));
    expect(stray).toEqual([]);
  });

  it('catches a Vietnamese string and both parts of a template, not ASCII or comments', () => {
    const src = "const a = 'Xin chào';\nconst b = `Bạn ${x} nhé`;\nconst c = 'plain ascii';\n// Vietnamese in a comment: được\n";
    expect(vietnameseLiterals('x.ts', src).map((h) => h.split(': ')[0])).toEqual(['x.ts:1', 'x.ts:2', 'x.ts:2']);
  });
});
