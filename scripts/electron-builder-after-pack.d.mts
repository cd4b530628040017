export declare function archName(arch: number): string;
export declare function packagedAddonPath(
  appOutDir: string,
  platform: string,
  productFilename: string,
): string;
declare function afterPack(context: unknown): Promise<void>;
export default afterPack;
