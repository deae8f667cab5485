import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
type RulesByProperty = ReturnType<Storage['groupByPropertyName']>;

let remembering = false;

/**
 * class-validator finds a class's rules (its own and those it inherits) by scanning every
 * decorated class of the application on each validate() call, and groups them by property
 * again (typestack/class-validator#2686) — for every request's query and body. A class's
 * rules are all registered when the class is defined, before it can be validated, and never
 * change after: so both lookups are remembered, per class and options. Installed once, by
 * createValidationPipe(); measured in docs/performance.md ("What the framework costs").
 */
export function rememberValidationRules(): void {
  if (remembering) return;
  remembering = true;
  const storage = getMetadataStorage();
  const findRules = storage.getTargetValidationMetadatas.bind(storage);
  const byClass = new WeakMap<object, Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function') return findRules(target, schema, always, strictGroups, groups);
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = byClass.get(target);
    if (!byOptions) byClass.set(target, (byOptions = new Map<string, Rules>()));
    let rules = byOptions.get(options);
    if (!rules) byOptions.set(options, (rules = findRules(target, schema, always, strictGroups, groups)));
    return rules;
  };
  const group = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<Rules, RulesByProperty>();
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };
}
