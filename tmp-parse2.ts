import pkg from "node-sql-parser";
const { Parser } = pkg;
import { readFileSync } from "node:fs";
const parser = new Parser();
const [dialect, kind, idx, db, unq] = process.argv.slice(2);
let text = readFileSync(`test/sql/golden/${kind}.${dialect}.sql`, "utf8").split(/;\n\n/).map((s) => s.replace(/;\n$/, ""))[Number(idx)]!;
if (unq) text = text.replace(/[`"](cx_rows|cx_ranked|cx_source)[`"]/g, "$1");
try { parser.astify(text, { database: db }); console.log("ok"); } catch (e: any) { const off = e.location?.start?.offset; console.log("FAIL at", JSON.stringify(text.slice(Math.max(0, off - 80), off)), "<<HERE>>", JSON.stringify(text.slice(off, off + 60))); }
