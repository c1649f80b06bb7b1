// The DataSource for the TypeORM CLI (`npm run migration:run` / `migration:revert`).
// The CLI runs outside Nest, so this file, alone with libs/config, reads the environment.
import { loadConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig(process.env).database));
