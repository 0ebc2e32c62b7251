import { describeUnknownVariables, placeholdersIn, renderVariables, unknownVariablesIn } from './template-variables';

describe('saved reply variables', () => {
  it('finds placeholders, tolerating whitespace inside the braces, each once', () => {
    expect(placeholdersIn('Hi {{contact.name}}, {{ agent.name }} here. {{\tcontact.name\n}}')).toEqual(['contact.name', 'agent.name']);
    expect(placeholdersIn('No variables, a { brace } and {{ half')).toEqual([]);
  });

  it('lists the names that are not variables', () => {
    expect(unknownVariablesIn('{{contact.phone}} {{ contact.email }} {{}} {{Contact.Name}}')).toEqual(['contact.phone', '', 'Contact.Name']);
    expect(unknownVariablesIn('{{contact.name}} {{contact.email}} {{agent.name}} {{agent.email}} {{conversation.subject}}')).toEqual([]);
  });

  it('names unknown variables as the refusal shows them', () => {
    expect(describeUnknownVariables(['contact.phone'])).toMatch(/^unknown variable \{\{contact\.phone\}\}; use \{\{contact\.name\}\}/);
    expect(describeUnknownVariables(['a', 'b'])).toMatch(/^unknown variables \{\{a\}\}, \{\{b\}\};/);
    expect(describeUnknownVariables(['x'.repeat(500)])).toContain(`{{${'x'.repeat(60)}…}}`);
  });

  it('renders each variable with its value', () => {
    const values = { 'contact.name': 'Carla', 'contact.email': 'carla@example.com', 'agent.name': 'Anna', 'conversation.subject': 'Parcel' };
    expect(renderVariables('Hi {{contact.name}} <{{ contact.email }}>, re {{conversation.subject}}. {{agent.name}}', values)).toBe(
      'Hi Carla <carla@example.com>, re Parcel. Anna',
    );
  });

  it('renders a missing value or an unknown name as nothing, never as the raw placeholder', () => {
    expect(renderVariables('Hi {{contact.name}}!{{ contact.phone }}', { 'contact.name': null })).toBe('Hi !');
    expect(renderVariables('{{ {{contact.email}} }}', { 'contact.email': 'c@example.com' })).toBe('{{ c@example.com }}');
  });
});
