import type { BuildOptions } from 'esbuild';

/** The edits to one of Ink's modules, and what the bundle lacks when they no longer apply. */
export interface InkPatch {
  /** What the module is bundled without, for the warning: `the row-cache patch (slower frames, same output)`. */
  readonly without: string;
  /** Exact [from, to] text edits, made in order, all or none. */
  readonly edits: readonly (readonly [from: string, to: string])[];
}
/** The edits the bundle makes to Ink's modules, by file name in ink/build/. */
export type InkPatches = Readonly<Record<string, InkPatch>>;

export const INK_PATCHES: InkPatches;
/** True when a source file is newer than dist/cli.js (or there is no bundle). */
export function isStale(): boolean;
/** Ink's module `file` with its edits made, or as it was plus the warning the build prints when one no longer applies. */
export function patchInk(file: string, source: string, patches?: InkPatches): { contents: string; warning: string | undefined };
/** For each Ink module the bundle edits, as installed: the warning the build would print, undefined when every edit applies. */
export function inkPatchReport(patches?: InkPatches): { file: string; warning: string | undefined }[];
/** The esbuild options of a bundle of `entry` written to `outfile`, as the CLI is built; `patches` replace the edits to Ink. */
export function bundleOptions(entry: string, outfile: string, options?: { patches?: InkPatches }): BuildOptions;
/** Bundles `entry` into `outfile`, each warning one line on stderr; rejects as esbuild does. */
export function bundle(entry: string, outfile: string, options?: { patches?: InkPatches }): Promise<void>;
/** Bundles the product (the CLI, the public module) into `outdir` (dist/), with shared chunks. */
export function build(options?: { outdir?: string; patches?: InkPatches }): Promise<void>;
/** Why a build failed, in one line. */
export function failureLine(error: unknown): string;
/** Builds the CLI when stale (or with `force`); false when it failed, once it said why in one line on stderr. */
export function buildIfStale(options?: { force?: boolean }): Promise<boolean>;
