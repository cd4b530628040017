import type { Page } from '@playwright/test';

/** Calls the API the way the app does, from the page, with the run's token; throws the refusal's sentence. */
export async function api<T>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ([m, a]) => {
      const response = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem('cairn.token')}`,
        },
        body: JSON.stringify(a),
      });
      const envelope = await response.json();
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    },
    [method, args] as const,
  ) as Promise<T>;
}
