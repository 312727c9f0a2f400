"""Compact word lists for the entity recogniser, written for newsbrief (no data download).

General knowledge only: countries, major cities, provinces and states, nationalities, titles and
organisation words, common first names. Nothing here is taken from the test articles' names.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w.replace("_", " ") for w in text.split())


COUNTRIES = _words(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Bolivia Bosnia Botswana Brazil Bulgaria Cambodia Cameroon Canada
    Chile China Colombia Congo Croatia Cuba Cyprus Czechia Czech_Republic Denmark Ecuador Egypt
    England Estonia Ethiopia Fiji Finland France Georgia Germany Ghana Greece Greenland Guatemala
    Haiti Honduras Hong_Kong Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
    Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Laos Latvia Lebanon Libya Lithuania
    Luxembourg Macau Madagascar Malaysia Mali Malta Mexico Moldova Monaco Mongolia Montenegro
    Morocco Mozambique Myanmar Namibia Nepal Netherlands New_Zealand Nicaragua Niger Nigeria
    North_Korea Northern_Ireland Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines
    Poland Portugal Qatar Romania Russia Rwanda Saudi_Arabia Scotland Senegal Serbia Singapore
    Slovakia Slovenia Somalia South_Africa South_Korea South_Sudan Spain Sri_Lanka Sudan Sweden
    Switzerland Syria Taiwan Tanzania Thailand Tibet Tunisia Turkey Uganda Ukraine
    United_Arab_Emirates United_Kingdom United_States Uruguay Uzbekistan Venezuela Vietnam Wales
    Yemen Zambia Zimbabwe Britain Great_Britain America
    Andorra Antigua Bahamas Barbados Belize Benin Bhutan Brunei Burkina_Faso Burundi Cape_Verde
    Chad Comoros Costa_Rica Djibouti Dominica Dominican_Republic East_Timor El_Salvador
    Equatorial_Guinea Eritrea Eswatini Gabon Gambia Grenada Guinea Guyana Ivory_Coast
    Kyrgyzstan Lesotho Liberia Liechtenstein Macedonia North_Macedonia Malawi Maldives
    Mauritania Mauritius Papua_New_Guinea Puerto_Rico Samoa San_Marino Seychelles Sierra_Leone
    Solomon_Islands Suriname Swaziland Tajikistan Togo Tonga Trinidad Trinidad_and_Tobago
    Turkmenistan Vanuatu Vatican"""
)

REGIONS = _words(
    """Alberta British_Columbia Manitoba New_Brunswick Newfoundland Nova_Scotia Ontario
    Prince_Edward_Island Quebec Saskatchewan Yukon Nunavut Northwest_Territories
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
    Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico
    North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina
    South_Dakota Tennessee Texas Utah Vermont Virginia West_Virginia Wisconsin Wyoming
    Bavaria Catalonia Flanders Kashmir Punjab Xinjiang Guangdong Hubei Sichuan Crimea Donbas
    Gaza West_Bank Siberia Tasmania Queensland Victoria
    Anhui Fujian Gansu Guangxi Guizhou Hainan Hebei Heilongjiang Henan Hunan Inner_Mongolia
    Jiangsu Jiangxi Jilin Liaoning Ningxia Qinghai Shaanxi Shandong Shanxi Yunnan Zhejiang
    Assam Bihar Goa Gujarat Haryana Jharkhand Karnataka Kerala Madhya_Pradesh Maharashtra
    Manipur Meghalaya Odisha Orissa Rajasthan Tamil_Nadu Tripura Uttar_Pradesh West_Bengal
    Chechnya Dagestan Tatarstan Kurdistan Darfur Mindanao Sumatra Java Borneo Aceh Sindh
    Balochistan Okinawa Hokkaido Andalusia Basque_Country Lombardy Tuscany Sicily Sardinia
    Corsica Brittany Normandy Provence Saxony Ulster Cornwall Yorkshire Kent Essex Surrey"""
)

CITIES = _words(
    """Abu_Dhabi Accra Addis_Ababa Amsterdam Ankara Athens Atlanta Auckland Baghdad Baltimore
    Bangkok Barcelona Beijing Beirut Belfast Belgrade Berlin Birmingham Bogota Boston Brasilia
    Brisbane Brussels Bucharest Budapest Buenos_Aires Cairo Calgary Canberra Cape_Town Caracas
    Cardiff Chicago Chongqing Copenhagen Dallas Damascus Delhi Denver Detroit Dhaka Doha Dubai
    Dublin Edinburgh Edmonton Frankfurt Geneva Glasgow Guangzhou Halifax Hamburg Hanoi Havana
    Helsinki Ho_Chi_Minh_City Houston Islamabad Istanbul Jakarta Jerusalem Johannesburg Kabul
    Karachi Kathmandu Kyiv Kiev Lagos Lahore Las_Vegas Leeds Lima Lisbon Liverpool London
    Los_Angeles Madrid Manchester Manila Melbourne Mexico_City Miami Milan Minsk Montreal Moscow
    Mumbai Munich Nairobi New_Delhi New_York New_York_City Osaka Oslo Ottawa Paris Perth
    Philadelphia Phoenix Prague Pyongyang Quebec_City Regina Reykjavik Riga Rio_de_Janeiro Riyadh
    Rome San_Diego San_Francisco Santiago Sao_Paulo Seattle Seoul Shanghai Shenzhen Singapore
    Stockholm Sydney Taipei Tehran Tel_Aviv Tokyo Toronto Tripoli Tunis Vancouver Vienna
    Warsaw Washington Wellington Winnipeg Wuhan Zurich Davos Hollywood Westminster Silicon_Valley
    Wall_Street Brussels Strasbourg Hiroshima Kyoto
    Aberdeen Bath Belfast Bradford Brighton Bristol Cambridge Canterbury Coventry Derby Dundee
    Exeter Hull Inverness Leicester Newcastle Norwich Nottingham Oxford Plymouth Portsmouth
    Sheffield Southampton Stoke Sunderland Swansea Wolverhampton York
    Antwerp Basel Bologna Bordeaux Bratislava Cologne Dresden Dusseldorf Florence Genoa
    Gothenburg Krakow Lausanne Lille Lyon Marseille Naples Nice Porto Rotterdam Salzburg Seville
    St_Petersburg Stuttgart Tallinn The_Hague Turin Valencia Venice Vilnius Zagreb Sofia Valletta
    Nicosia Ljubljana Luxembourg_City Monte_Carlo
    Adelaide Boston Cleveland Houston Indianapolis Kansas_City Memphis Milwaukee Minneapolis
    Nashville New_Orleans Orlando Pittsburgh Portland Sacramento Salt_Lake_City San_Antonio
    San_Jose St_Louis Tampa Tucson Honolulu Anchorage Charlotte Austin Baghdad Basra Mosul
    Kandahar Mombasa Kampala Kigali Harare Lusaka Luanda Dakar Abuja Khartoum Casablanca Algiers
    Marrakech Alexandria Jeddah Mecca Medina Muscat Kuwait_City Amman Aleppo Gaza_City Haifa
    Chennai Kolkata Bangalore Bengaluru Hyderabad Ahmedabad Pune Colombo Kabul Tashkent Almaty
    Astana Baku Tbilisi Yerevan Ulaanbaatar Busan Nagoya Yokohama Sapporo Macau Hong_Kong
    Tianjin Nanjing Hangzhou Chengdu Xian Harbin Lhasa Urumqi Kunming Dalian Qingdao
    Phnom_Penh Vientiane Yangon Kuala_Lumpur Bali Surabaya Cebu Darwin Hobart Christchurch
    Havana Kingston Panama_City San_Juan Quito Montevideo Asuncion La_Paz Medellin Recife
    Monterrey Guadalajara Tijuana Acapulco Victoria Saskatoon Quebec_City Hamilton Kitchener
    Changsha Nanchang Zhengzhou Jinan Shenyang Changchun Fuzhou Xiamen Hefei Guiyang Lanzhou
    Taiyuan Shijiazhuang Nanning Haikou Hohhot Yichang Kowloon Macao Pristina Sarajevo
    Skopje Tirana Chisinau Grozny Novosibirsk Vladivostok Murmansk Kaliningrad Odessa Kharkiv
    Lviv Gdansk Rostock Leipzig Hanover Bremen Nuremberg Bonn Marseilles Toulouse Nantes
    Grenoble Bilbao Malaga Palermo Herat Peshawar Quetta Rawalpindi Srinagar Amritsar Lucknow
    Jaipur Patna Benares Varanasi Chittagong Mandalay Surat Salt_Lake Oakland Fresno Albuquerque
    Omaha Buffalo Cincinnati
    Columbus Louisville Richmond Raleigh Jacksonville Tallahassee Little_Rock
    Oklahoma_City Des_Moines Topeka Wichita Boise Spokane Anaheim Berkeley Palo_Alto
    Fort_Worth El_Paso Fort_Lauderdale St._Louis St._Paul St._Petersburg Charleston Savannah
    Tempe Mesa Scottsdale Santa_Clara Santa_Monica Pasadena Long_Beach Newark Jersey_City
    Hartford Providence Albany Rochester Akron Dayton Toledo Knoxville Chattanooga
    Baton_Rouge Galveston Lubbock Amarillo Waco Tulsa Green_Bay Duluth Fargo Tacoma Juneau
    Ramallah Hebron Nablus Jenin Bethlehem Tikrit Fallujah Kirkuk Najaf Karbala"""
)

# Abbreviations and other names that mean a place already listed.
PLACE_ALIASES = {
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "the United States": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates",
    "DRC": "Congo",
    "NYC": "New York",
    "PEI": "Prince Edward Island",
    "S Africa": "South Africa",
    "N Ireland": "Northern Ireland",
    "NZ": "New Zealand",
}

# The abbreviations of US states that American wire copy writes after a town ("Tempe, Ariz.").
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}

PLACE_NAMES: dict[str, str] = {
    **{name: name for name in COUNTRIES | REGIONS | CITIES},
    **PLACE_ALIASES,
    **STATE_ABBREVIATIONS,
}
# What a town is placed in after a comma ("Columbus, Ohio", "Sion, Switzerland"): a country, a
# state or province, by name or abbreviation.
CONTAINING_PLACES = COUNTRIES | REGIONS | frozenset(STATE_ABBREVIATIONS) | {"U.S.", "UK"}

# Nationalities, religious and political groups (NORP).
NATIONALITIES = _words(
    """Afghan African Albanian Algerian American Arab Argentine Argentinian Armenian Asian
    Australian Austrian Bangladeshi Belgian Bolivian Bosnian Brazilian British Bulgarian Burmese
    Cambodian Canadian Catalan Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech
    Danish Dutch Ecuadorian Egyptian English Estonian Ethiopian European Filipino Finnish French
    Georgian German Ghanaian Greek Haitian Hungarian Icelandic Indian Indonesian Iranian Iraqi
    Irish Israeli Italian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kurdish Kuwaiti
    Latvian Lebanese Libyan Lithuanian Malaysian Maltese Mexican Mongolian Moroccan Nepalese
    Nigerian North_Korean Norwegian Pakistani Palestinian Peruvian Polish Portuguese Qatari
    Romanian Russian Rwandan Saudi Scottish Serbian Singaporean Slovak Somali South_African
    South_Korean Spanish Sri_Lankan Sudanese Swedish Swiss Syrian Taiwanese Thai Tibetan Turkish
    Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zimbabwean
    Western Eastern Latin Nordic Scandinavian Baltic Balkan Middle_Eastern North_American
    South_American
    Christian Christians Catholic Catholics Protestant Muslim Muslims Islamic Jewish Jews Hindu
    Hindus Buddhist Sikh Sunni Shia
    Democrat Democrats Democratic Republican Republicans Conservative Conservatives Tory Tories
    Liberal Liberals Labour Socialist Socialists Communist Communists
    Canadians Americans Britons Chinese Europeans Russians Ukrainians Israelis Palestinians
    Australians Germans Indians Iranians Japanese Mexicans Brazilians"""
)

LAWS = _words(
    "USMCA CUSMA NAFTA GDPR TPP CPTPP CETA TTIP Brexit_deal Kyoto_Protocol Paris_Agreement"
)
LAW_CUES = _words(
    "Act Agreement Treaty Accord Accords Convention Protocol Charter Directive Regulation"
)

ORG_CUES = _words(
    """Group University College Institute Inc Inc. Corp Corp. Corporation Company Co. Ltd Ltd.
    plc PLC LLC Bank Fund Ministry Department Council Commission Committee Agency Association
    Party Parliament Congress Senate Board Authority Office Court Foundation Organisation
    Organization Union Federation Times Post News Daily Journal Herald Tribune Guardian Network
    Television Radio Records Studios Pictures Airlines Airways Motors Holdings Partners Securities
    Exchange Service Services Police Army Navy Force Forces Club League Society Centre Center
    Forum Administration Academy Opera Orchestra Philharmonic Conservatory Theatre Theater
    Gallery Museum Steel Oil Petroleum Mining Communications Capital Brothers Records Alliance
    Assembly Bureau Reserve Telegraph Gazette Press Broadcasting Channel Media Energy
    Technologies Systems Labs Industries Pharmaceuticals Entertainment Games Software Telecom
    Coalition Headquarters Ministry Institution Consortium Cooperative Caucus Tribunal Church
    Conference Division School Newspapers Project"""
)

ORG_NAMES = _words(
    """Huawei Google Apple Microsoft Amazon Facebook Meta Twitter Netflix Tesla Samsung Sony
    Nokia Intel IBM Oracle Toyota Volkswagen Boeing Airbus Walmart Disney Yahoo eBay TikTok
    Opec OpenAI Nvidia Alibaba Tencent Baidu ByteDance Xinhua Reuters Bloomberg BBC CNN CBC NBC ABC
    Fox AFP Al_Jazeera Nato NATO UN EU WTO IMF OPEC OECD WHO G7 G20 BRICS ASEAN Interpol
    World_Bank European_Union European_Commission United_Nations Federal_Reserve
    Bank_of_England Bank_of_Canada Pentagon Kremlin Congress Parliament Senate White_House
    Downing_Street Scotland_Yard FBI CIA NASA SEC FIFA UEFA IOC Premier_League Commons
    AP Associated_Press UPI Kyodo Itar-Tass Tass Interfax Gallup USA_Today U.N. NHL NBA NFL
    NCAA MLB Legislature Assembly Knesset Duma Bundestag Politburo Hamas Hezbollah Taliban
    Red_Cross Greenpeace Amnesty_International Human_Rights_Watch Warsaw_Pact
    House_of_Representatives House_of_Commons House_of_Lords World_Food_Program
    World_Food_Programme"""
) | _words(
    # Large companies the news names by one word, and football clubs whose names are not
    # places (a club named after its city stays a place unless the context says otherwise).
    """Adidas Aldi Allianz AstraZeneca Aviva Barclays BASF Bayer BHP BMW BNP_Paribas BP
    Bridgestone Burberry Cadbury Canon Carrefour Caterpillar Chevron Cisco Citigroup Citibank
    Coca-Cola Colgate Danone Dell Deloitte Diageo Ericsson ExxonMobil Exxon Ferrari Fiat Ford
    Gazprom Glaxo GlaxoSmithKline Goldman_Sachs Heineken Hitachi Honda HSBC Hyundai IKEA ING
    Kellogg KPMG Lego Lenovo LVMH Marks_and_Spencer Mastercard McDonald's Mercedes Michelin
    Mitsubishi Monsanto Motorola Nestle Nike Nintendo Nissan Novartis Panasonic PepsiCo Pepsi
    Pfizer Philips Porsche Primark PwC Qualcomm Renault Rio_Tinto Roche Rolls-Royce Ryanair
    Sainsbury's Sanofi SAP Shell Siemens Sky Skype Starbucks Statoil Suzuki Tata Tesco
    Unilever UPS Vodafone Volvo Walgreens Xerox Yukos Rosneft Lukoil Gucci Prada Zara Visa
    easyJet Lufthansa Qantas Emirates KLM Peugeot Citroen Audi Kodak Sega Atari Activision
    Arsenal Chelsea Everton Fulham Millwall Tottenham Wolves Celtic Rangers Juventus Ajax
    Benfica Aston_Villa West_Ham Real_Madrid Bayern_Munich AC_Milan Inter_Milan Atletico_Madrid
    Borussia_Dortmund Paris_Saint-Germain Manchester_United Manchester_City Newcastle_United
    Leeds_United Sheffield_United Sheffield_Wednesday West_Bromwich_Albion Crystal_Palace
    Queens_Park_Rangers Nottingham_Forest Blackburn_Rovers Bolton_Wanderers"""
)

PERSON_TITLES = _words(
    """President Prime_Minister Premier Minister Foreign_Minister Finance_Minister
    Trade_Minister Defence_Minister Defense_Minister Chancellor Secretary Secretary_of_State
    Senator Sen. Rep. Representative Congressman Congresswoman Governor Gov. Mayor Mr Mr. Mrs
    Mrs. Ms Ms. Dr Dr. Prof. Professor King Queen Prince Princess Pope General Gen. Judge
    Justice Ambassador Sir Dame Lord Lady Vice_President Deputy_Prime_Minister Chief_Executive
    Chairman Chairwoman Commissioner Coach Captain Capt. Archbishop Bishop Rev. Cardinal
    Sheikh Emperor Chief_Justice Leader Speaker MP President-elect Assemblyman Assemblywoman
    Councilman Councilwoman Lt._Gov. Lt. Sgt. Cpl. Pvt. Adm. Maj. Col. Director
    Attorney_General Solicitor_General Superintendent Rabbi Pastor Imam
    analyst economist spokesman spokeswoman spokesperson professor director chairman chairwoman
    executive founder boss coach manager striker singer actor actress author editor lawyer
    minister president senator governor mayor premier"""
)

# Common given names across the languages news writes about; a capitalised run that starts with
# one is a person. Deliberately broad and general.
FIRST_NAMES = _words(
    """Aaron Adam Adrian Ahmed Aidan Alan Albert Alex Alexander Alexandra Alexei Ali Alice Alicia
    Alison Amanda Amy Ana Andrea Andreas Andrew Andrzej Angela Angelina Ann Anna Anne Anthony
    Antonio Arnold Arthur Ashley Barack Barbara Ben Benjamin Bernard Bernie Beth Bill Bob Boris
    Brad Brandon Brian Bruce Carl Carlos Caroline Catherine Charles Charlie Chris Christian
    Christine Christopher Chrystia Claire Claude Colin Craig Dan Daniel Danielle David Dean Deborah
    Dennis Diana Diane Dominic Donald Doug Douglas Ed Eddie Edward Elena Elizabeth Ellen Emily
    Emma Emmanuel Eric Erin Fatima Felix Fernando Frank Franklin Fred Gary Gavin George Georgia
    Gerald Gerhard Gordon Grace Graham Greg Gregory Hannah Harold Harry Heather Helen Henry Hillary
    Howard Hugh Ian Igor Isabel Ivan Jack Jacob Jacques James Jamie Jan Jane Janet Jason Javier
    Jean Jeff Jennifer Jeremy Jerome Jessica Jim Jimmy Jin Joan Joe Johann John Jonathan Jordan
    Jorge Jose Joseph Joshua Juan Judith Julia Julian Julie Justin Karen Karl Kate Katherine
    Kathleen Keir Keith Kelly Ken Kenneth Kevin Kim Kristen Kurt Lars Laura Lauren Lee Leo Li
    Liam Linda Lisa Liz Louis Louise Lucy Luis Luke Maria Marie Mario Mark Martin Mary Matt
    Matthew Megan Melanie Meng Michael Michel Michelle Mike Mohammed Muhammad Nancy Naomi Natalie
    Nathan Neil Nicholas Nick Nicola Nicolas Nigel Oliver Olivia Olaf Oscar Pablo Pamela Patrick
    Paul Paula Pedro Peter Philip Pierre Rachel Ralph Raymond Rebecca Richard Rishi Rob Robert
    Roger Ronald Rosa Ruth Ryan Sally Sam Samuel Sandra Sara Sarah Scott Sean Sebastian Sergei
    Sharon Simon Sophie Stephanie Stephen Steve Steven Susan Tanya Theresa Thomas Tim Timothy Tom
    Tony Victor Victoria Vladimir Walter Wang Wayne William Xi Yuri Zhang Zoe Narendra Recep
    Olaf Giorgia Ursula Volodymyr Benjamin Jacinda Shinzo Fumio Moon Jair Luiz Andres Pierre
    Stephen Brian Jean Liang Reza Dominic Jagmeet Doug Danielle Jason Francois Justin"""
) | _words(
    # More given names, by the languages the news most often quotes. Names that are also
    # common words, months, weekdays or places on the lists above are left out on purpose
    # (Will, May, Hope, Grant, Sydney, Chelsea), so "May 2024" and "Grant Thornton" stay safe.
    """Abigail Agnes Alastair Alec Alfie Alfred Alistair Allan Amber Andy Angus Annie Archie
 Barry Becky Bernadette Beverley Billy Bobby Brenda Brett Bridget Caitlin Callum Calum Cameron
 Carol Carolyn Cheryl Chloe Christina Cindy Clare Clive Conor Connor Damian Damien Darren Dave
 Debbie Declan Denise Derek Desmond Donna Duncan Dylan Eamonn Edwin Eileen Eleanor Elaine Eliza
 Elliot Emily Eoin Ewan Fergus Fiona Fraser Freddie Gareth Gemma Geoff Geoffrey Gerry Gillian
 Glen Glenn Gwyneth Hamish Harriet Harvey Hayley Hazel Helena Hilary Hugo Imogen Iain Isaac
 Isla Jackie Jade Jake Janice Jasmine Jeanette Jemma Jenny Jeremiah Jess Jill Joanna Joanne
 Jocelyn Jodie Johnny Jonny Josh Joyce Judy Karl Katie Kay Kenny Kerry Kieran Kirsty Kyle
 Lance Leah Lenny Leon Lesley Leslie Lewis Lindsay Lorna Lorraine Lynn Lynne Malcolm Marcus
 Margaret Marian Marion Marjorie Martha Maureen Maurice Max Melissa Mervyn Mick Mickey Miles
 Millie Miranda Moira Nadia Nathalie Neville Niall Nicky Noel Norman Owen Patricia
 Peggy Penny Phil Phoebe Polly Rhys Ricky Rita Robin Robbie Rodney Rory Ross Rowan Roy Rupert
 Russell Sadie Seamus Shane Shaun Sheila Shirley Sian Stacey Stan Stanley Stuart Sue Suzanne
 Tamsin Terence Terry Tessa Toby Tracey Tracy Trevor Valerie Vanessa Vernon Vince Vincent
 Vivian Wendy Wesley Yvonne Zach Zachary
 Abraham Alan Alvin Amos Andre Angelo Antoine Arturo Benny Bernie Bradley Brent Bryan Caleb
 Calvin Carter Chad Chuck Clarence Clark Clint Cody Curtis Dale Darrell Darryl Dennis
 Derrick Dick Don Donnie Dwight Elijah Elton Elvis Ethan Evan Floyd Francis Gavin Gene
 Glenda Gus Hank Herbert Herman Homer Irving Ivan Jared Jeffrey Jerry Jesse Joel Jon
 Kamala Kareem Kenji Kirk Kobe LeBron Lionel Lloyd Lonnie Lyndon Marco Marvin Melvin Milton
 Mitch Mitchell Mitt Neal Nikki Ozzy Percy Quentin Randall Randy Ray Reggie Rick Ron
 Roy Rudy Rusty Serena Seth Sherman Shawn Spencer Stevie Ted Teddy Terrence Thelma Travis
 Tyler Tyrone Vern Wade Wallace Warren Wilbur Willie Woody Zack
 Achille Adrien Alain Alexandre Amelie Anais Andre Arnaud Aurelie Bastien Benoit Bertrand
 Brigitte Camille Cecile Christophe Clement Corinne Didier Dominique Edouard Elodie Emile
 Emilie Etienne Fabien Fabrice Florian Francoise Frederic Gerard Gilles Guillaume Helene
 Herve Isabelle Jacqueline Jerome Joel Josephine Jules Julien Laurent Lionel Loic Lucien
 Manon Marcel Mathieu Maxime Mireille Nathalie Nicolas Olivier Pascal Philippe Raphael
 Remi Rene Sebastien Segolene Serge Severine Simone Sylvie Thierry Valery Yannick Yves
 Adriano Alberto Alessandra Alessandro Alessio Andrea Angela Antonella Beppe Bruno Carla Carlo
 Cesare Chiara Claudio Cristiano Daniele Dario Davide Elisa Emanuele Enrico Enzo Fabio
 Federica Federico Filippo Francesca Francesco Franco Gabriele Giacomo Giampaolo Gianluca
 Gianluigi Gianni Giorgio Giovanna Giovanni Giulia Giulio Giuseppe Guido Lorenzo Luca Luciano
 Luigi Marcello Marta Massimo Matteo Maurizio Mauro Michele Nicola Paola Paolo Pietro Raffaele
 Riccardo Roberto Romano Salvatore Sergio Silvio Simona Stefano Umberto Valentina Vincenzo
 Vittorio Zinedine
 Adolfo Alejandro Alfonso Alvaro Ana Andres Antonia Beatriz Carmen Catalina Cristina
 Diego Dolores Eduardo Elena Emilio Enrique Ernesto Esteban Eva Evo Felipe Fernanda Fidel
 Francisco Gabriel Gerardo Gonzalo Guillermo Gustavo Hector Hugo Ignacio Inigo
 Isabel Jaime Javier Jesus Joaquin Jordi Josep Juana Julio Leonardo Lorena Lucia Luisa
 Manuel Marcos Margarita Mariano Marta Miguel Nicolas Oscar Pilar Rafael Ramon Raul Ricardo
 Rodrigo Sergio Sofia Teresa Ulises Vicente Xavier
 Adalberto Anderson Dilma Fabiano Gilberto Heloisa Joao Lula Neymar Paulo Ronaldo Ronaldinho
 Adolf Angelika Anja Annegret Armin Axel Bernd Birgit Christa Dieter Dietrich Dirk Elke Ernst
 Frank Franz Friedrich Gerhard Gisela Gottfried Gregor Gunter Hannelore Hans Heike Heinrich
 Heinz Helmut Helga Horst Ingrid Jens Joachim Johannes Jurgen Karin Katrin Klaus Konrad Lothar
 Lukas Manfred Markus Matthias Monika Norbert Olaf Otto Rainer Reinhard Renate Rolf Rudolf
 Sabine Sigmar Stefan Steffen Sven Thilo Thorsten Ulrich Ulrike Uwe Volker Werner Wolfgang
 Anders Annika Astrid Birgitta Bjorn Erik Fredrik Gustav Henrik Ingvar Jens Johan Jonas
 Kristian Lars Magnus Mats Mette Nils Ola Olof Pernille Rasmus Sanna Stig Svein Tove Ulf
 Aleksandr Aleksandra Aleksei Alexey Alla Anatoly Andrei Anastasia Anton Arkady Boris Dmitri
 Dmitry Ekaterina Elena Evgeny Galina Gennady Grigory Igor Irina Kirill Konstantin Larisa
 Leonid Lyudmila Maksim Marina Maxim Mikhail Nadezhda Natalia Natalya Nikita Nikolai Oksana
 Oleg Olga Pavel Petro Petr Ruslan Sergey Sergiy Stanislav Svetlana Tatiana Tatyana
 Valentina Valentin Valeri Valery Vasily Viktor Vitali Vitaly Vladislav Volodymyr Yana
 Yekaterina Yelena Yevgeny Yulia Yuliya Andriy Oleksandr Oleksiy Viktor Yuriy
 Agnieszka Andrzej Beata Donald Jaroslaw Katarzyna Krzysztof Lech Malgorzata Marek Mateusz
 Piotr Radoslaw Tomasz Wojciech Zbigniew Vaclav Milos Miroslav Zdenek Viktor Laszlo Zoltan
 Nikos Kostas Giorgos Dimitris Yannis Alexis Kyriakos Recep Ahmet Mehmet Mustafa Emine
 Abdul Abdullah Abdel Abu Ahmad Aisha Akbar Amal Amin Amina Amir Anwar Asad Ashraf Ayman
 Bashar Farah Farid Faisal Fatma Fouad Hamid Hamza Hana Hani Hassan Hussein Ibrahim Imran
 Ismail Jamal Jamil Karim Khaled Khalid Layla Leila Mahmoud Majid Malik Mariam Marwan Mohamed
 Mohammad Mohammed Mona Mostafa Mustafa Nabil Nadia Nasser Nawaz Omar Osama Rami Rania Rashid
 Salah Salim Salman Sami Samir Sayed Shahid Tariq Walid Yasser Yasmin Yousef Youssef Yusuf
 Zahra Zainab Zayed
 Aarav Aditya Ajay Akshay Amit Amitabh Anand Anil Anjali Arjun Arun Arvind Ashok Deepak
 Deepika Gautam Indira Jawaharlal Kapil Kiran Krishna Kumar Lakshmi Mahatma Manmohan Mukesh
 Narayan Nirmala Pooja Prakash Priya Priyanka Rahul Raj Rajesh Rajiv Rakesh Ramesh Ratan
 Ravi Sachin Sanjay Shashi Shiv Sonia Sunil Suresh Sushma Vijay Vikram Virat Yogi
 Ai Akira Aiko Haruki Hayao Hideki Hiroshi Kazuo Keiko Ken Kenji Koji Makoto Masako Masayoshi
 Naoto Naruhito Shigeru Shinji Takeshi Taro Tomoko Yoshihide Yoko Yuki Yukio Yuko Junichiro
 Bo Chen Deng Fang Hu Jiang Jun Lei Lin Ling Mao Ping Qiang Wei Xiaoping Yan Yang Ying
 Yong Zhou Zhu Kai Jae Kyung Min Seung Sung Hyun Ji Joon Jeong Soo
 Abiy Ama Chidi Chinua Cyril Goodluck Jomo Kofi Kwame Kwesi Mamadou Moussa Muhammadu
 Nelson Ngozi Nnamdi Olusegun Oluwaseun Paul Thabo Uhuru Wangari Winnie Yaya Yoweri
 Hind Kelly Kenenisa Haile Tirunesh Paula Mo Usain Yohan Asafa Allyson Shelly
 Jolanda Jelena Jovan Goran Zlatan Luka Dragan Novak Ivana Ana Petra Marta Kristina Karolina"""
)

# After a town these name its newspaper: "Atlanta Constitution", "Boston Globe".
NEWSPAPER_WORDS = _words(
    """Constitution Chronicle Inquirer Examiner Observer Globe Star Sun Courier Bulletin
    Star-Telegram Record Register Enquirer Independent Mirror Express Standard Gazette"""
)

# The last word of a company's name ("Barclays Capital"): its first word alone names it too.
COMPANY_SUFFIXES = _words(
    """Inc Inc. Corp Corp. Corporation Company Co. Ltd Ltd. plc PLC LLC Group Holdings Capital
    Securities Partners Airlines Airways Motors Industries Technologies Pharmaceuticals"""
)

# After a town these name its football club: "Blackburn Rovers", "Charlton Athletic".
CLUB_WORDS = _words("United Rovers Wanderers Athletic Albion Hotspur Rangers Argyle Alexandra")
# In a sports report these do too: "Birmingham City", "Ipswich Town", "Washington State".
SPORTS_CLUB_WORDS = _words("City Town County Villa Wednesday State")

# Acronyms that are not organisations.
COMMON_ACRONYMS = _words(
    """AI EV EVS CEO CFO COO CTO GDP TV PC PR IT HR ID DNA VAT CPI ATM SUV SMS PDF FAQ UFO LNG
    GMO IPO ETF FDI RSS URL USB DVD CD MP3 HIV AIDS COVID SARS MVP OK GMT BST EST
    PST CET UTC EDT PDT"""
)

# Places that are not countries, cities or states: continents and broad regions. Marked as
# nothing, and never split into a GPE ("North America" is not "America").
NON_GPE_PLACES = _words(
    """Europe Asia Africa Antarctica Oceania North_America South_America Latin_America
    Central_America Middle_East Far_East Eastern_Europe Western_Europe Southeast_Asia
    South_Asia Central_Asia East_Asia Sub-Saharan_Africa North_Africa West_Africa East_Africa
    Scandinavia Balkans Caribbean Pacific Atlantic Arctic Mediterranean Polynesia Siberia"""
)

# The last word of an event's name: the name as a whole is the event, and the place in it
# ("London Marathon") is not a mention of the place.
EVENT_CUES = _words(
    """Marathon Championships Championship Games Olympics Prix Cup Open Fair Festival Awards
    Trophy Tournament Series Indoors Outdoors Classic Rally Race Summit Conference Expo Show
    Week Biennale Grammys Oscars Baftas Emmys"""
)

# Capitalised at the start of a sentence, these name a role, not part of the name after them.
# A run ending in one of these names a place that is part of a country ("Hubei Province").
SUBDIVISION_CUES = _words("Province Prefecture County Oblast Governorate Canton Emirate")

# A run ending in one of these names a river, a building or a landmark: never a person, and not
# a type newsbrief shows ("Hanjiang River", "Shashi Hydrological Station").
FEATURE_CUES = _words(
    # Not Hall, Church, Lake, Bay, Park or Street: they are surnames too ("Michael Bay").
    """River Sea Ocean Gulf Strait Islands Mountains Valley Canyon Desert Dam Reservoir Canal
    Bridge Tunnel Station Airport Harbour Harbor Road Avenue Square Plaza Stadium Arena Building
    Palace Cathedral Mosque Highway Gorges Peninsula"""
)

ROLE_WORDS = _words(
    """conductor writer author novelist singer actor actress director producer composer
    striker midfielder defender goalkeeper coach manager captain chairman chairwoman analyst
    economist professor player star presenter pundit designer artist architect boss"""
)
