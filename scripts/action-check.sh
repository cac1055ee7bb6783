#!/usr/bin/env bash
# The GitHub Action's check step (action.yml), kept in a file so tests run exactly what the action runs.
# SIGNKIT_PATHS: files or folders, space separated (default: .); SIGNKIT_ARGS: more options for `signkit check`.
# Exit code is signkit's: 0 passed, 1 problems found (annotated on the lines), 2 usage error or unreadable file.
set -euo pipefail
read -r -a paths <<< "${SIGNKIT_PATHS:-.}"
read -r -a extra <<< "${SIGNKIT_ARGS:-}"
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi
exec signkit check --format github ${extra[@]+"${extra[@]}"} "${paths[@]}"
