import { Choice, FieldError, TextField } from "@/components/wizard/fields";
import type { Suggestions } from "@/lib/core/plan";
import type { WizardParams } from "@/lib/web/wizard/params";

type Pg = Suggestions["parameterGroup"];

/** The custom group that could be edited in place: the current one when it is custom and not noeviction yet, or a leftover the planner suggests. */
function editable(pg: Pg): { name: string; otherUsers: string[] } | undefined {
  if (pg.recommended.mode === "edit-shared") return { name: pg.recommended.name, otherUsers: [] };
  const c = pg.current;
  if (c && !c.isDefault && c.policy !== "noeviction") return { name: c.name, otherUsers: c.otherUsers };
  return undefined;
}

const isRecommended = (pg: Pg, name: string) =>
  pg.recommended.mode === "reuse" && pg.recommended.name === name;

/** MemoryDB: which values of the current group a new group takes over (MemoryDB lists no `Source`). */
function carryOverText(carry: Pg["carryOver"]): string | undefined {
  if (!carry) return undefined;
  if ("problem" in carry) return carry.problem;
  return carry.values.length > 0
    ? `Carries over what ${carry.from} sets differently from the family defaults: ${carry.values.join(", ")}.`
    : `${carry.from} sets nothing else apart from the family defaults, so nothing else is carried over.`;
}

/**
 * Step 3: create a new group (suggested name, family of the current group), reuse a custom group that has
 * noeviction already, or edit a custom group in place, which is only offered with every other user named.
 * A MemoryDB cluster gets a new MemoryDB group (the values its custom group sets carried over) or reuses
 * one: the planner never edits a MemoryDB group in place.
 */
export function ParameterGroupFields({
  pg,
  family,
  p,
  service,
}: {
  pg: Pg;
  family?: string;
  p: WizardParams;
  service: "elasticache" | "memorydb";
}) {
  const chosen = p.pg
    ? p.pg === "create"
      ? "create"
      : `${p.pg}/${p.pgName}`
    : pg.recommended.mode === "create"
      ? "create"
      : `${pg.recommended.mode}/${pg.recommended.name}`;
  const edit = service === "memorydb" ? undefined : editable(pg);
  const carried = carryOverText(pg.carryOver);
  return (
    <fieldset className="space-y-2">
      <legend className="text-[13px] font-medium text-slate-700">
        Parameter group with maxmemory-policy=noeviction
      </legend>
      <div className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        <Choice
          name="pgPick"
          errorName="pg"
          value="create"
          defaultChecked={chosen === "create"}
          label={`Create a new ${service === "memorydb" ? "MemoryDB " : ""}parameter group${pg.recommended.mode === "create" ? " (recommended)" : ""}`}
          description={
            <>
              Family <span className="font-mono">{family ?? "unknown"}</span>, from the current group. Sets
              maxmemory-policy=noeviction
              {pg.setsClusterEnabled
                ? " and cluster-enabled=yes (cluster mode needs it, in the same call)"
                : ""}
              .{carried ? <span className="block">{carried}</span> : null}
            </>
          }
        />
        <div className="px-3 pb-3 pl-10">
          <TextField
            name="pgNewName"
            errorName="pgName"
            label="Name"
            hint="Letters, digits and hyphens; AWS stores it lowercase."
            defaultValue={p.pg === "create" ? p.pgName : pg.suggestedName}
            className="max-w-md"
          />
        </div>
        {pg.reusable.map((g) => (
          <Choice
            key={g.name}
            name="pgPick"
            errorName="pg"
            value={`reuse/${g.name}`}
            defaultChecked={chosen === `reuse/${g.name}`}
            label={
              <>
                Reuse <span className="font-mono">{g.name}</span>
                {isRecommended(pg, g.name) ? " (recommended)" : ""}
              </>
            }
            description={[
              g.otherUsers.length > 0
                ? `Already has noeviction. Also used by ${g.otherUsers.join(", ")}: nothing in it changes.`
                : "Already has noeviction; nothing in it changes.",
              isRecommended(pg, g.name) ? pg.why : undefined,
            ]
              .filter(Boolean)
              .join(" ")}
          />
        ))}
        {edit ? (
          <div>
            <Choice
              name="pgPick"
              errorName="pg"
              value={`edit-shared/${edit.name}`}
              defaultChecked={chosen === `edit-shared/${edit.name}`}
              label={
                <>
                  Edit <span className="font-mono">{edit.name}</span> in place
                </>
              }
              description={
                edit.otherUsers.length > 0 ? (
                  <span className="text-amber-800">
                    This changes {edit.otherUsers.join(", ")} too, at once. Tick each one to confirm.
                  </span>
                ) : (
                  "No other cluster uses it."
                )
              }
            />
            {edit.otherUsers.length > 0 ? (
              <div className="px-3 pb-3 pl-10">
                {edit.otherUsers.map((c) => (
                  <Choice
                    key={c}
                    type="checkbox"
                    name="confirm"
                    errorName="confirm"
                    value={c}
                    defaultChecked={p.confirm?.includes(c)}
                    label={
                      <>
                        Also change <span className="font-mono">{c}</span>
                      </>
                    }
                  />
                ))}
                <FieldError name="confirm" />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      <FieldError name="pg" />
      {/* pgName's errors show once, under the Name field (TextField renders them). */}
    </fieldset>
  );
}
