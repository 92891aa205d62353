// The `cdktf-docker-fleet` command's launcher (bin/cdktf-docker-fleet.js) exports nothing.
export {};
