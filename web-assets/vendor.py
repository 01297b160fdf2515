"""Copy the dashboard's front-end libraries from node_modules into the package's static folder.

    python web-assets/vendor.py web-assets/node_modules src/voxmap/web/static/vendor

vega-interpreter ships only as an ES module importing 'vega-util'; the dashboard needs it as a
plain script (so that charts render under a Content-Security-Policy without 'unsafe-eval'), so
its one import is bound to the `vega` global and its one export to `window.vegaInterpreter`.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

FILES = {
    "htmx.org/dist/htmx.min.js": "htmx.min.js",
    "vega/build/vega.min.js": "vega.min.js",
    "vega-lite/build/vega-lite.min.js": "vega-lite.min.js",
    "vega-embed/build/vega-embed.min.js": "vega-embed.min.js",
    "cytoscape/dist/cytoscape.min.js": "cytoscape.min.js",
}
INTERPRETER = "vega-interpreter/build/vega-interpreter.js"
IMPORT = "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';"
EXPORT = "export { expression as expressionInterpreter };"


def interpreter_script(source: str) -> str:
    if IMPORT not in source or EXPORT not in source:
        raise SystemExit(f"{INTERPRETER} changed shape: update web-assets/vendor.py")
    body = source.replace(IMPORT, "const { ascending, isString, DisallowedObjectProperties } = window.vega;")
    body = body.replace(EXPORT, "window.vegaInterpreter = { expressionInterpreter: expression };")
    return "(function () {\n" + body + "\n})();\n"


def main(modules: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for source, name in FILES.items():
        shutil.copyfile(modules / source, target / name)
    script = interpreter_script((modules / INTERPRETER).read_text(encoding="utf-8"))
    (target / "vega-interpreter.js").write_text(script, encoding="utf-8")
    for package in {source.split("/")[0] for source in [*FILES, INTERPRETER]}:
        licence = modules / package / "LICENSE"
        if licence.exists():
            shutil.copyfile(licence, target / f"{package}.LICENSE")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
