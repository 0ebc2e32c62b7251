// What other contexts may use of the chat module: its events' schemas; it talks to Conversations through commands.
export { chatEventSchemas } from './domain/visitor-email.decider';
