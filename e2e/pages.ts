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

/** The status page: region tabs, the table of caches, problem panels, the header. */
export class StatusPage {
  readonly table: Locator;
  readonly regions: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table");
    this.regions = page.getByRole("navigation", { name: "Region" });
  }

  async goto(region?: string): Promise<void> {
    await this.page.goto(region ? `/status?region=${region}` : "/status");
    await expect(this.page.getByRole("heading", { name: "Status", level: 1 })).toBeVisible();
  }

  async switchRegion(region: string): Promise<void> {
    await this.regions.getByRole("link", { name: region }).click();
    await expect(this.regions.getByRole("link", { name: region })).toHaveAttribute("aria-current", "page");
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
