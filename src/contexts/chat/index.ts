// What other contexts may use of the chat module: its module and its events' schemas; it talks to Conversations through commands.
export { ChatModule } from './chat.module';
export { chatEventSchemas } from './domain/visitor-email.decider';
