export declare function installedElectronVersion(): string;
export declare function electronAddonPath(
  root: string,
  electronVersion: string,
  arch?: string,
): string;
export declare function nodeGypArguments(electronVersion: string, arch: string): string[];
export declare function buildElectronAddon(options?: {
  root?: string;
  electronVersion?: string;
  arch?: string;
}): string;
