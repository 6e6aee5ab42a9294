#!/bin/sh
# PostToolUse: when a source file (not a test) was edited, add a reminder to run its tests.
input=$(cat)
case "$input" in
  *'"file_path":"'*'.test.'*|*'"file_path":"'*'_test.'*) exit 0 ;;
  *'"file_path":"'*'.ts"'*|*'"file_path":"'*'.js"'*|*'"file_path":"'*'.py"'*)
    printf '%s\n' '{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"Source code changed: run the related tests before you finish."}}' ;;
esac
exit 0
