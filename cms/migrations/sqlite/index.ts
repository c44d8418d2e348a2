import * as migration_20261122_013329_initial from './20261122_013329_initial';

export const migrations = [
  {
    up: migration_20261122_013329_initial.up,
    down: migration_20261122_013329_initial.down,
    name: '20261122_013329_initial'
  },
];
