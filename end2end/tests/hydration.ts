// The two projects of playwright.config.ts: "no-js" (the server's HTML only) and "hydrated".
import { expect, type Page } from "@playwright/test";

/** Whether the project runs the shop's JavaScript and WASM. */
export const hydrated = (project: string) => project === "hydrated";

/** In the hydrated project, waits until the WASM has hydrated the page (body[data-hydrated]). */
export async function ready(page: Page, project: string) {
  if (hydrated(project)) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}
