/**
 * What next-auth's routes accept in a POST body: form fields (or their JSON twin) of short strings. Its
 * own parsing throws on a JSON body that does not parse, and its callbacks on a field that is not a
 * string, which reached the client as a 500; such a body gets a 400 with the reason instead.
 */
import { z } from "zod";

const MAX_FIELD = 4096;
const fieldsSchema = z.record(
  z.string().max(64),
  z.string().max(MAX_FIELD, `A field is longer than ${MAX_FIELD} characters.`),
  { error: "The body must be an object of text fields." },
);

/** Why this POST body cannot be a sign-in, sign-out or CSRF request, or null when it can. */
export async function authBodyProblem(req: Request): Promise<string | null> {
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type") ?? "";
  let body: unknown;
  if (type.includes("application/json")) {
    try {
      body = await req.clone().json();
    } catch {
      return "The body is not valid JSON.";
    }
  } else if (type.includes("application/x-www-form-urlencoded")) {
    const params = new URLSearchParams(await req.clone().text());
    const names = [...params.keys()];
    if (new Set(names).size !== names.length) return "A field is given more than once.";
    body = Object.fromEntries(params);
  } else return null;
  const parsed = fieldsSchema.safeParse(body);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "The body is malformed.");
}
