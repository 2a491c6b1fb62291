#!/usr/bin/env bash
# The schemas against the lowest zod the peer range allows: installs that zod into a throwaway folder (the clone's
# node_modules and lockfile stay untouched) and runs the schema suites with "zod" resolved there.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p 'require("./package.json").peerDependencies.zod.replace(/^[^0-9]*/, "")')
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "zod@$version" >/dev/null
echo "zod-lowest: zod $(node -p "require('$dir/node_modules/zod/package.json').version") from $dir"
CX_ZOD_DIR="$dir/node_modules/zod" npx vitest run --config .ci/vitest.zod.config.ts
# The declarations an app compiles against: the schema modules and their tests type-check with that zod's types.
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "$PWD/tsconfig.json",
  "compilerOptions": { "noEmit": true, "typeRoots": ["$PWD/node_modules/@types"], "paths": { "zod": ["$dir/node_modules/zod"], "zod/*": ["$dir/node_modules/zod/*"] } },
  "include": ["$PWD/src/schemas/index.ts", "$PWD/test/schemas/schemas.test.ts"]
}
JSON
npx tsc -p "$dir/tsconfig.json"
echo "zod-lowest: schemas pass and type-check with zod $version"
