# compare.sh - not written yet
exit 77
