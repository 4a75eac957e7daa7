// Starts Dhow's local Vendure test server with the job queue running in-process
// (so the search index is kept up to date without a separate worker).
'use strict';

const { bootstrap, JobQueueService } = require('@vendure/core');
const { makeConfig } = require('./vendure-config');

bootstrap(makeConfig({ synchronize: false }))
    .then(app => app.get(JobQueueService).start())
    .catch(err => {
        console.error(err);
        process.exit(1);
    });
