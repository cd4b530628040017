#!/usr/bin/env node
// The `cairn` command. The CLI is built with the app (npm ci runs `npm run build`
// through the prepare script), so this loader only checks that the build exists.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'cairn: Cairn is not built yet: run "npm run build" in ' + path.dirname(__dirname) + '\n',
  );
  process.exit(1);
}
require(entry);
