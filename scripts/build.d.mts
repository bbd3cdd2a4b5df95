import type { BuildOptions } from 'esbuild';

/** True when a source file is newer than dist/cli.js (or there is no bundle). */
export function isStale(): boolean;
/** Bundles the CLI into dist/cli.js. */
export function build(): Promise<void>;
/** The esbuild options of a bundle of `entry` written to `outfile`, as the CLI is built. */
export function bundleOptions(entry: string, outfile: string): BuildOptions;
