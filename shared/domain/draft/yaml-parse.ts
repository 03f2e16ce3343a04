/**
 * yaml's `parse`, in a module of its own: the entry of a lazy chunk (`YAML_PARSE_CHUNK`) that triage loads for
 * front matter that could declare a draft breaking.
 */
export { parse } from 'yaml';
