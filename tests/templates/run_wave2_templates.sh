#!/usr/bin/env bash
# Runs the public suite of templates.md (../shared/conformance-wave2) and fails on a failed templates
# check: cases 001-099 and invalid/001-099. (Cases 100 and up belong to analytics.md.)
set -u
tool=$1
suite=$2
out=$(bash "$suite/run.sh" "$tool" 2>&1)
failed=$(printf '%s\n' "$out" | grep -E '^FAIL (cases|invalid)/0[0-9][0-9]-' || true)
if [ -n "$failed" ]; then
  printf '%s\n' "$failed"
  exit 1
fi
printf 'templates checks of %s: all passed\n' "$suite"
