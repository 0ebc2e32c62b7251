// What other contexts may use of the chat module: its module only; it talks to Conversations through commands.
export { ChatModule } from './chat.module';
