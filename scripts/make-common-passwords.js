#!/usr/bin/env node
// Writes src/contexts/accounts/application/common-passwords.txt: passwords of at least 12 characters
// that people pick most, which sign-up and new users are refused. Shorter ones are left out because
// the length rule already refuses them. The list is the well-known favourites as they appear in
// breach lists, and what people build from them to pass a 12-character rule: a favourite word or
// name doubled, capitalised, with the usual digits, years and marks appended, in leetspeak, and
// keyboard walks and counting sequences.
// Usage: node scripts/make-common-passwords.js
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** Whole passwords of 12+ characters seen again and again in breach lists. */
const WHOLE = `
123456789012 1234567890123 12345678901234 123456789101 1234567891011 12345678910 123123123123 111111111111
000000000000 123456123456 112233445566 121212121212 123321123321 098765432112 0987654321qwerty 987654321987
qwertyuiop12 qwertyuiop123 qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm qwerty123456 qwerty1234567 qwertyqwerty
1qaz2wsx3edc 1qaz2wsx3edc4rfv 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p zaq12wsxcde3
zaq1zaq1zaq1 qazwsxedcrfv qazwsxedc123 qazwsxedcrfvtgb 123qweasdzxc 123qweasdzxc123 qweasdzxc123 asdfghjkl123
asdfghjkl1234 zxcvbnm12345 zxcvbnmasdfghjkl 1234qwerasdf 1234qwerasdfzxcv qwer1234asdf abcd1234abcd abc123abc123
a1b2c3d4e5f6 a1b2c3d4e5f6g7 abcdefghijkl abcdefghijklm abcdefghijklmnop abcdefg12345 abcdef123456 abc123456789
1234567890abc 1234567890qwe 123456789abc 123456789qwe 123456qwerty 123456abcdef 123456asdfgh 1234567890q
password1234 password12345 password123456 password1234567 password123! passwordpassword passwordpassword1
p@ssw0rd1234 p@ssword1234 passw0rd1234 pa55word1234 mypassword123 mypassword1234 newpassword123 changeme1234
changemenow1 letmein12345 letmein123456 letmeinletmein welcome12345 welcome123456 welcome1234567 welcometo2024
welcomewelcome iloveyou1234 iloveyou12345 iloveyou123456 iloveyouforever iloveyousomuch iloveyoubaby iloveyoutoo1
iloveyouiloveyou iloveyou4ever iloveu4ever1 trustno1trustno1 administrator administrator1 administrator123
adminadmin123 admin1234567 admin123456789 rootroot1234 superuser123 football1234 baseball1234 basketball12
basketball123 soccer123456 hockey123456 princess1234 princess12345 sunshine1234 sunshine12345 starwars1234
superman1234 batman123456 spiderman123 spiderman1234 pokemon12345 pokemon123456 minecraft123 minecraft1234
fortnite1234 chocolate123 chocolate1234 butterfly123 butterfly1234 babygirl1234 babygirl12345 lovelove1234
michaeljordan manchesterunited manchesterunited1 liverpoolfc1 liverpool1892 chelseafc1905 arsenalfc1886
barcelona123 realmadrid123 juventus1897 bayernmuenchen borussiadortmund schalke04schalke hamburgersv1
elizabeth123 christopher1 christopher12 christina123 alexander123 jessica12345 jennifer1234 michelle1234
nicholas1234 victoria1234 samantha1234 danielle1234 natasha12345 1234567890aa 1234567890ab 12345678abcd
blink182blink182 thequickbrownfox thequickbrownfoxjumpsoverthelazydog correcthorsebatterystaple
letmeinplease opensesame123 secret123456 mysecret1234 topsecret123 nopassword123 nothingtosee qwertzuiop12
qwertzuiop123 qwertzuiopasdfghjkl passwort1234 passwort12345 passwort123456 hallohallo12 hallo1234567
schatz123456 sonnenschein sonnenschein1 fussball1234 eintracht1899 deutschland1 deutschland12 deutschland123
geheim123456 ichliebedich ichliebedich1 ichliebedich123 motdepasse123 contrasena123 contraseña123 1234567890!
`;

/** Favourite words and names, which people lengthen to pass the rule. */
const WORDS = `
password passwort passw0rd p@ssw0rd pa55word qwerty qwertz asdfgh zxcvbn iloveyou letmein welcome monkey dragon
football baseball basketball soccer hockey master sunshine princess shadow superman batman spiderman starwars
trustno1 whatever freedom michael jennifer jordan hunter ranger buster harley tigger charlie robert thomas daniel
killer george pepper summer ginger hammer silver cookie yankees matrix corvette mercedes computer internet
liverpool chelsea arsenal barcelona madrid juventus bayern dortmund schalke changeme secret admin administrator
login access master pokemon minecraft fortnite chocolate butterfly babygirl lovely angel flower orange banana
apple cheese pizza coffee summer winter spring autumn december november october september august july june
monday friday sunday london paris berlin munich hamburg america canada mexico brazil germany france england
family forever happy smile purple yellow orange black white green blue red golden diamond crystal rainbow
tiger lion eagle falcon panther dolphin wolf bear mustang ferrari porsche bmw audi honda toyota yamaha harley
jesus christ heaven angel blessed faith church praise lord god mother father sister brother friend lover
gandalf frodo hobbit matrix neo zelda mario sonic pikachu naruto goku vegeta anime gamer player legend hero
dragonball metallica nirvana slipknot eminem rockstar guitar music dance party money dollar euro bitcoin crypto
soccer tennis golf boxing rugby cricket chelsea arsenal united city real milan inter ajax celtic rangers
michael jennifer jessica ashley amanda daniel matthew andrew joshua anthony christopher nicholas jonathan
william elizabeth charlotte victoria samantha alexander benjamin jacob ethan emily sophie olivia isabella
thomas stefan andreas michaela sabine claudia thorsten matthias juergen wolfgang monika petra susanne
hallo schatz liebe sommer sonne sonnenschein fussball geheim blume katze hund pferd maus engel
qwerty asdf zxcv abcd abcdef abc123 iloveu loveyou babe baby honey sweety sweetheart darling
superstar sexy hottie killer ninja samurai pirate viking warrior knight wizard magic dragon phoenix
internet computer laptop windows apple google facebook instagram twitter youtube netflix amazon
`;

const SUFFIXES = ['', '1', '12', '123', '1234', '12345', '123456', '1234567', '!', '1!', '12!', '123!', '1234!', '!!', '.', '01', '007', '69', '99', '00', '11', '22', '2000', '@123', '#1', '123123', '321', '4ever', 'forever', '2024', '2025', '2023', '2022', '2021', '2020'];
const YEARS = Array.from({ length: 66 }, (_, i) => String(1960 + i));

const entries = new Set();
const add = (candidate) => {
  const value = candidate.toLowerCase();
  if (value.length >= 12 && value.length <= 64 && !/\s/.test(value)) entries.add(value);
};

for (const whole of WHOLE.split(/\s+/).filter(Boolean)) add(whole);
const words = [...new Set(WORDS.split(/\s+/).filter(Boolean))];
const leet = (word) => word.replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3').replace(/i/g, '1').replace(/s/g, '$');
for (const word of words) {
  for (const base of [word, leet(word)]) {
    for (const suffix of SUFFIXES) add(base + suffix);
  }
  for (const suffix of ['', '1', '12', '123', '!']) add(word + word + suffix);
  for (const year of YEARS) add(word + year);
}
// Counting and keyboard walks of every length from 12 characters up.
for (const walk of ['1234567890123456789', '0987654321098765', 'qwertyuiopasdfghjklzxcvbnm', 'qwertzuiopasdfghjklyxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '1qaz2wsx3edc4rfv5tgb6yhn', 'zaq12wsxcde34rfvbgt5']) {
  for (let length = 12; length <= walk.length; length++) add(walk.slice(0, length));
}

if (entries.has('correcthorsebattery')) throw new Error('the test suite signs up with "correct horse battery"; it must stay allowed');
const out = join(__dirname, '..', 'src', 'contexts', 'accounts', 'application', 'common-passwords.txt');
writeFileSync(out, `${[...entries].sort().join('\n')}\n`);
process.stdout.write(`${entries.size} passwords written\n`);
