import { describe, expect, it } from 'vitest';
import { userDataDir } from '../../src/main/paths';

describe('the user data folder', () => {
  it('matches where Electron keeps userData for an app named Cairn', () => {
    expect(userDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Cairn');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe('/xdg/Cairn');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/ana')).toBe(
      '/home/ana/.config/Cairn',
    );
    expect(userDataDir('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Cairn',
    );
    expect(
      userDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Cairn');
  });
});
