#!/bin/sh
# PostToolUse (Write|Edit|MultiEdit): when a source file (not a test) was edited, remind Claude to run
# its tests. Plain sh, no jq: in the event JSON the only unescaped `"file_path":"` is the real key.
file=$(sed -n 's/.*"file_path":"\([^"]*\)".*/\1/p' | head -n 1)
case "$file" in
  *.test.* | *_test.* | */test/* | */tests/* | '') exit 0 ;;
  *.ts | *.tsx | *.js | *.mjs | *.py | *.go | *.rs)
    printf '%s\n' '{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"Source code changed: run the related tests before you finish."}}' ;;
esac
exit 0
