/**
 * The committed generated code matches proto/: regenerating the static
 * module with the `generate` script's own pbjs command yields the same file,
 * and its protoc command the same descriptor set.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const COMMITTED = 'shared/src/generated/ras.js';
const DESCRIPTORS = 'shared/src/generated/ras.binpb';

describe('generated protobuf code', () => {
  it('is what `npm run generate` makes from proto/ today', () => {
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.generate;
    const pbjs = script.split('&&')[0].trim();
    expect(pbjs).toContain(`-o ${COMMITTED}`);
    const out = join(mkdtempSync(join(tmpdir(), 'ras-gen-')), 'ras.js');
    execSync(`npx --no-install ${pbjs.replace(`-o ${COMMITTED}`, `-o ${out}`)}`, { cwd: ROOT, stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, COMMITTED), 'utf8'));
  });

  it("includes protoc's descriptor set of ras.v1 (what reflection serves), as protoc makes it today", () => {
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.generate;
    const protoc = script.split('&&').at(-1)!.trim();
    expect(protoc).toContain(`--descriptor_set_out=${DESCRIPTORS}`);
    const out = join(mkdtempSync(join(tmpdir(), 'ras-gen-')), 'ras.binpb');
    execSync(protoc.replace(`=${DESCRIPTORS}`, `=${out}`), { cwd: ROOT, stdio: 'pipe' });
    expect(readFileSync(out).equals(readFileSync(join(ROOT, DESCRIPTORS)))).toBe(true);
  });
});
