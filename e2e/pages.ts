import { expect, type Locator, type Page } from "@playwright/test";

/** The sign-in page, by what a person sees: labels, the button, the error line. */
export class SignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel("Username");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Sign in" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
    await expect(this.page.getByRole("heading", { name: "Sign in to QueueReady" })).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** The error line; Next's hidden route announcer is also role=alert, hence the text filter. */
  error(text: string | RegExp): Locator {
    return this.page.getByRole("alert").filter({ hasText: text });
  }
}

/** The management account: the base credentials' account, with or without the seeded organization. */
export const MANAGEMENT = "123456789012";

/** The status page (the stored audit): filters, one section per account, rows, the header. */
export class StatusPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table");
  }

  /** Opens `/status` with `search` (e.g. `?region=eu-west-1`) once an audit is stored. */
  async goto(search = ""): Promise<void> {
    await this.page.goto(`/status${search}`);
    await expect(this.page.getByRole("heading", { name: "Status", level: 1 })).toBeVisible();
    await expect(this.page.getByText("The first audit is running")).toHaveCount(0, { timeout: 30_000 });
  }

  /** The management account's clusters in one region: the same rows whichever accounts are configured. */
  async gotoRegion(region = "us-east-1", extra = ""): Promise<void> {
    await this.goto(`?account=${MANAGEMENT}&region=${region}${extra}`);
  }

  /** Re-audits now with the Refresh button and waits until the page shows the new stored state. */
  async refresh(): Promise<void> {
    const done = this.page.getByRole("status").filter({ hasText: "Audited just now." });
    // A previous refresh's message would satisfy the wait at once: start from a fresh load.
    if ((await done.count()) > 0) await this.page.reload();
    await this.page.getByRole("button", { name: "Refresh", exact: true }).click();
    await expect(done).toBeVisible({ timeout: 60_000 });
  }

  /** The names in the table's first column, in order. */
  async names(): Promise<string[]> {
    // The overview streams in after its loading state: read the rows once that is gone.
    await expect(this.page.getByTestId("page-loading")).toHaveCount(0);
    return (await this.table.locator("tbody tr th").allTextContents()).map((t) => t.trim());
  }

  row(name: string): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
  }
}
