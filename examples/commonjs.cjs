// cx-metrics from CommonJS: `node examples/commonjs.cjs` after `npm run build`.
const { nps } = require("cx-metrics");

console.log(nps(Uint8Array.from([9, 10, 7, 3])).score);
