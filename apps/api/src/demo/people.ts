/** Names for demo data: a mix that looks like London's officers. None is a real person. */
export const firstNames = [
  'Aisha', 'Ben', 'Chloe', 'Daniel', 'Emeka', 'Fatima', 'George', 'Hannah', 'Imran', 'Jade', 'Kwame', 'Laura', 'Mohammed',
  'Niamh', 'Oliver', 'Priya', 'Qasim', 'Rebecca', 'Samuel', 'Tariq', 'Uma', 'Victoria', 'William', 'Xin', 'Yusuf', 'Zara',
  'Adebayo', 'Bethany', 'Callum', 'Deepa', 'Ellie', 'Femi', 'Grace', 'Harpreet', 'Isaac', 'Joanna', 'Kieran', 'Leah',
  'Marcus', 'Nadia', 'Owen', 'Poppy', 'Rhys', 'Sofia', 'Thomas', 'Chidi', 'Amara', 'Liam', 'Mei', 'Ravi',
];
export const lastNames = [
  'Adeyemi', 'Begum', 'Campbell', 'Davies', 'Evans', 'Francis', 'Green', 'Hussain', 'Iqbal', 'Johnson', 'Khan', 'Lewis',
  'Mensah', "O'Connor", 'Patel', 'Quinn', 'Robinson', 'Singh', 'Taylor', 'Usman', 'Walker', 'Wright', 'Young', 'Zhang',
  'Ahmed', 'Brown', 'Clarke', 'Dhillon', 'Edwards', 'Fernandes', 'Gordon', 'Hughes', 'Jones', 'Kaur', 'Li', 'Morgan',
  'Nowak', 'Okafor', 'Price', 'Rahman', 'Smith', 'Thompson', 'Williams', 'Wilson', 'Chowdhury', 'Mahmood', 'Kowalski',
];
export const mentorNames = [
  'PS Andrea Blake', 'PC Tom Ashworth', 'PC Nkechi Obi', 'DS Ruth Penhaligon', 'PC Sam Okoro', 'PC Lucy Hale', 'PS Omar Farouk',
  'PC Grace Lindqvist', 'DC Harry Mills', 'PC Bilal Anwar', 'PS Claire Dunmore', 'PC Jonah Reid', 'PC Sunita Rao', 'DC Ewan Fraser',
  'PC Katie Moss', 'PS Daniel Achebe', 'PC Helen Carter', 'PC Ravi Menon', 'DS Olivia Grant', 'PC Michael Tan', 'PC Aoife Byrne',
  'PS Kofi Asante', 'PC Laura Bennett', 'PC Ibrahim Sesay', 'DC Fiona McLeod', 'PC Peter Novak', 'PC Hana Yusuf', 'PS Gareth Pryce',
  'PC Ella Whitfield', 'PC Dev Sharma', 'PC Rosie Turner', 'PS Marco Rossi', 'PC Zainab Ali', 'DC Chris Hollis', 'PC Abby Kent',
  'PC Joel Mensah',
];
