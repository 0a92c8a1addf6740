"""The Responses section: drafting, checking, previewing, signing and publishing the PCC's s.55
response to each report."""
