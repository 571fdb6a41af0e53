/**
 * P3 belongs to the supervisor wall (issue 19): its figure is measured here, in this harness, once the wall exists.
 * Until then this placeholder keeps its place in `npm run bench`.
 */
console.log('P3 — supervisor wall: comes with the supervisor wall, issue 19 (nothing to measure yet)');
