"""Checks JSON values against the OpenAPI document's schemas (the subset it uses:
type, properties, required, items, anyOf, enum, $ref, format date)."""
import re


class SchemaError(Exception):
    pass


def check(value, schema, doc, where="$"):
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return check(value, doc["components"]["schemas"][name], doc, where)
    if "anyOf" in schema:
        errors = []
        for s in schema["anyOf"]:
            try:
                return check(value, s, doc, where)
            except SchemaError as e:
                errors.append(str(e))
        raise SchemaError(f"{where}: matches none of {errors}")
    t = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "boolean": bool}
    if t in types and not isinstance(value, types[t]):
        raise SchemaError(f"{where}: expected {t}, got {type(value).__name__}")
    if t == "null" and value is not None:
        raise SchemaError(f"{where}: expected null")
    if t == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
        raise SchemaError(f"{where}: expected integer, got {value!r}")
    if t == "number" and (not isinstance(value, (int, float)) or isinstance(value, bool)):
        raise SchemaError(f"{where}: expected number, got {value!r}")
    if "enum" in schema and value not in schema["enum"]:
        raise SchemaError(f"{where}: {value!r} not in {schema['enum']}")
    if schema.get("format") == "date" and isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise SchemaError(f"{where}: {value!r} is not a date")
    if t == "object":
        for k in schema.get("required", []):
            if k not in value:
                raise SchemaError(f"{where}: missing {k}")
        for k, s in schema.get("properties", {}).items():
            if k in value:
                check(value[k], s, doc, f"{where}.{k}")
    if t == "array" and "items" in schema:
        for i, v in enumerate(value):
            check(v, schema["items"], doc, f"{where}[{i}]")


def response_schema(doc, method, path, status):
    """The schema documented for a concrete path ("/results/12/approve") and status."""
    path = path.split("?")[0]
    for template, ops in doc["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", r"[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in ops:
            # a literal path beats a template ("/directives/overdue" over "/directives/{id}")
            if "{" in template and any(re.match("^" + t + "$", path) for t in doc["paths"] if "{" not in t):
                continue
            responses = ops[method.lower()]["responses"]
            r = responses.get(str(status))
            if r is None:
                raise SchemaError(f"{method} {template}: status {status} is not documented")
            return r["content"]["application/json"]["schema"]
    raise SchemaError(f"{method} {path}: not in the OpenAPI document")
