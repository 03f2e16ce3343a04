import { App } from 'aws-cdk-lib';
import { buildNewsroomApp } from './newsroom-app';

const app = new App();
buildNewsroomApp(app);
app.synth();
