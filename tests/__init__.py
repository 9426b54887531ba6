# A regular package, so that `import tests.…` finds this folder first: textstat's
# wheel (build_scripts/requirements.txt) also installs a top-level package named
# `tests` into site-packages, which would otherwise win over a namespace package.
