// Every jest worker gets its own KERAS_HOME, so no test reads or writes the real ~/.keras.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

if (!process.env.KERAS_TEST_KEEP_HOME) {
  process.env.KERAS_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-home-'));
  delete process.env.KERAS_BACKEND;
}
